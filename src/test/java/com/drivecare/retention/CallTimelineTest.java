package com.drivecare.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The timeline the call forms show, as Markdown within what a string variable holds. */
class CallTimelineTest {

  @Test
  void nothingLoggedSaysSo() {
    assertThat(CallTimeline.markdown(List.of())).isEqualTo(CallTimeline.EMPTY);
  }

  @Test
  void entriesAreAListOldestFirst() {
    assertThat(CallTimeline.markdown(List.of("Mon 10:00: request", "Mon 11:00: not reached")))
        .isEqualTo("- Mon 10:00: request\n- Mon 11:00: not reached\n");
  }

  @Test
  @Timeout(5)
  void aLongTimelineKeepsTheMostRecentEntriesAfterAPointerToTheEarlierOnes() {
    List<String> entries = IntStream.rangeClosed(1, 100)
        .mapToObj(i -> String.format("entry %03d: phone call to the customer, not reached", i)).toList();
    String markdown = CallTimeline.markdown(entries);
    assertThat(markdown.length()).isLessThanOrEqualTo(CallTimeline.MAX_LENGTH);
    assertThat(markdown).startsWith(CallTimeline.EARLIER)
        .endsWith("- entry 100: phone call to the customer, not reached\n")
        .doesNotContain("entry 001");
    assertThat(markdown.indexOf(CallTimeline.EARLIER, 1)).isEqualTo(-1); // the pointer once
    // as many recent entries as fit: one more would not
    int kept = (int) markdown.lines().count() - 1;
    assertThat(CallTimeline.EARLIER.length() + (kept + 1) * ("- " + entries.get(0) + "\n").length())
        .isGreaterThan(CallTimeline.MAX_LENGTH);
  }

  /** Dropping entries one by one and putting the pointer back each time went round in circles here. */
  @Test
  @Timeout(5)
  void droppingAnEntryShorterThanThePointerStillEnds() {
    // "- short\n" is shorter than the pointer that replaces it: the list stays too long until the last entry is cut
    List<String> entries = new ArrayList<>();
    entries.add("short");
    entries.add("x".repeat(CallTimeline.MAX_LENGTH - 8));
    String markdown = CallTimeline.markdown(entries);
    assertThat(markdown.length()).isLessThanOrEqualTo(CallTimeline.MAX_LENGTH);
    assertThat(markdown).startsWith(CallTimeline.EARLIER).doesNotContain("short");
  }

  @Test
  void oneEntryLongerThanTheLimitIsCut() {
    String markdown = CallTimeline.markdown(List.of("y".repeat(CallTimeline.MAX_LENGTH * 2)));
    assertThat(markdown.length()).isEqualTo(CallTimeline.MAX_LENGTH);
    assertThat(markdown).startsWith("- yyy").endsWith("…\n");
  }
}
