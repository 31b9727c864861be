package com.drivecare.customer;

import com.drivecare.platform.PayloadTooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How big an import may be ({@code drivecare.imports.*}). A file over its byte or row limit is refused
 * whole with a 413 before a row is written; a report lists at most {@code reportedLines} rejected
 * lines, with the full counts.
 *
 * @param maxBytes        bytes of a customer, vehicle or reservation CSV
 * @param maxRows         rows of such a CSV (after the header)
 * @param vinListMaxBytes bytes of a recall campaign's VIN list
 * @param vinListMaxRows  lines of a recall campaign's VIN list
 * @param reportedLines   rejected lines an import report lists at most (and VINs added to a campaign)
 */
@ConfigurationProperties("drivecare.imports")
public record ImportLimits(
    @DefaultValue("5MB") DataSize maxBytes,
    @DefaultValue("10000") int maxRows,
    @DefaultValue("48MB") DataSize vinListMaxBytes,
    @DefaultValue("2000000") int vinListMaxRows,
    @DefaultValue("100") int reportedLines) {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * The whole body, read before anything is written so that a file over the limit changes nothing;
   * without the UTF-8 byte-order mark Excel puts first.
   */
  public static byte[] readAtMost(InputStream body, DataSize limit) {
    try {
      int max = (int) Math.min(Integer.MAX_VALUE - 8, limit.toBytes());
      byte[] bytes = body.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new PayloadTooLargeException("The file is larger than " + describe(limit)
            + "; split it into smaller imports. Nothing was imported.");
      }
      if (bytes.length >= 3 && Arrays.equals(bytes, 0, 3, UTF8_BOM, 0, 3)) {
        return Arrays.copyOfRange(bytes, 3, bytes.length);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Refuses a file of more rows than {@code limit}. */
  public static void checkRows(long rows, int limit) {
    if (rows > limit) {
      throw new PayloadTooLargeException("The file has " + rows + " rows; an import takes at most " + limit
          + ". Split it into smaller imports. Nothing was imported.");
    }
  }

  /**
   * The report of an import: full counts, at most {@link #reportedLines} rejected lines (the first by
   * line), and the created ids — all of them ({@code allCreated}, a file of at most {@link #maxRows}
   * rows) or the first.
   */
  public ImportReport report(List<Object> created, Rejections rejected, boolean allCreated) {
    List<Object> listed = allCreated || created.size() <= reportedLines ? created
        : List.copyOf(created.subList(0, reportedLines));
    return new ImportReport(created.size(), (int) rejected.count, listed, rejected.first());
  }

  /** A fresh tally of rejected lines, keeping the first {@link #reportedLines} by line number. */
  public Rejections rejections() {
    return new Rejections(reportedLines);
  }

  /** Rejected lines: all counted, the first few (by line number) kept for the report. */
  public static final class Rejections {
    private final int keep;
    private final List<ImportReport.Rejected> kept = new ArrayList<>();
    private long count;

    Rejections(int keep) {
      this.keep = keep;
    }

    public void add(long line, String reason) {
      count++;
      kept.add(new ImportReport.Rejected(line, reason));
      if (kept.size() > 2 * keep) {
        trim();
      }
    }

    List<ImportReport.Rejected> first() {
      trim();
      return List.copyOf(kept);
    }

    private void trim() {
      kept.sort(Comparator.comparingLong(ImportReport.Rejected::line));
      if (kept.size() > keep) {
        kept.subList(keep, kept.size()).clear();
      }
    }
  }

  private static String describe(DataSize size) {
    return size.toMegabytes() > 0 && size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB"
        : size.toBytes() + " bytes";
  }
}
