package com.drivecare.retention;

import java.util.List;

/**
 * The case's timeline as the Markdown list the call and review forms show. A string variable holds
 * 4,000 characters: when the list is longer, the oldest entries give way to a line that points to
 * the full timeline.
 */
final class CallTimeline {

  static final int MAX_LENGTH = 3800;
  static final String EMPTY = "_Nothing logged yet._";
  static final String EARLIER = "- _(earlier entries: see the case timeline)_\n";

  private CallTimeline() {}

  /** {@code entries} (oldest first, one sentence each) as a Markdown list of at most {@link #MAX_LENGTH} characters. */
  static String markdown(List<String> entries) {
    if (entries.isEmpty()) {
      return EMPTY;
    }
    List<String> lines = entries.stream().map(e -> "- " + e + "\n").toList();
    int length = lines.stream().mapToInt(String::length).sum();
    int first = 0;
    if (length > MAX_LENGTH) {
      // the most recent entries that fit after the pointer to the earlier ones
      length += EARLIER.length();
      while (first < lines.size() - 1 && length > MAX_LENGTH) {
        length -= lines.get(first++).length();
      }
    }
    StringBuilder sb = new StringBuilder(first > 0 ? EARLIER : "");
    lines.subList(first, lines.size()).forEach(sb::append);
    if (sb.length() > MAX_LENGTH) {
      // one entry alone is longer than the list may be: its end gives way
      sb.setLength(MAX_LENGTH - 2);
      sb.append("…\n");
    }
    return sb.toString();
  }
}
