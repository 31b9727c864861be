package com.drivecare.customer;

import com.drivecare.platform.ConflictException;
import com.drivecare.platform.ForbiddenException;
import com.drivecare.platform.InvalidInputException;
import com.drivecare.platform.InvalidInputException.FieldError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import from CSV whose header row names the JSON fields. Each row goes through the same
 * service call as a single JSON create, in a transaction of its own: a good row goes in whole, a
 * bad one not at all and is reported with its line and reason — whatever is wrong with it. The file
 * is read whole first: one over the byte or row limit ({@link ImportLimits}) is refused with a 413
 * before a row is written. An Excel UTF-8 byte-order mark is accepted.
 */
@Component
class CsvImporter {

  private static final Logger LOG = LoggerFactory.getLogger(CsvImporter.class);

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
      .setHeader().setSkipHeaderRecord(true).setTrim(true).setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true)
      .get();

  private final TransactionTemplate perRow;
  private final ImportLimits limits;

  CsvImporter(PlatformTransactionManager transactionManager, ImportLimits limits) {
    this.perRow = new TransactionTemplate(transactionManager);
    this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.limits = limits;
  }

  <T> ImportReport importCsv(InputStream body, Set<String> columns, Function<Row, T> create, Function<T, Object> id) {
    byte[] bytes = ImportLimits.readAtMost(body, limits.maxBytes());
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
         CSVParser parser = FORMAT.parse(reader)) {
      Set<String> unknown = new LinkedHashSet<>(parser.getHeaderNames());
      unknown.removeAll(columns);
      if (parser.getHeaderNames().isEmpty()) {
        throw new InvalidInputException("file", "is empty: the first line must name the columns " + columns);
      }
      if (!unknown.isEmpty()) {
        throw new InvalidInputException("header", "has unknown columns " + unknown + "; known columns are " + columns);
      }
      List<CSVRecord> records = new ArrayList<>();
      ImportLimits.Rejections rejected = limits.rejections();
      var iterator = parser.iterator();
      while (true) {
        try {
          if (!iterator.hasNext()) {
            break;
          }
          records.add(iterator.next());
        } catch (UncheckedIOException | IllegalStateException e) {
          // a broken quote ends the readable part of the file; the rows before it are imported
          rejected.add(parser.getCurrentLineNumber(), "unreadable CSV from this line on: " + e.getMessage());
          break;
        }
        ImportLimits.checkRows(records.size(), limits.maxRows());
      }
      List<Object> created = new ArrayList<>();
      for (CSVRecord record : records) {
        long line = record.getRecordNumber() + 1;
        try {
          T result = perRow.execute(status -> create.apply(new Row(record)));
          created.add(id.apply(result));
        } catch (InvalidInputException | ConflictException | ForbiddenException e) {
          rejected.add(line, e.getMessage());
        } catch (DataIntegrityViolationException e) {
          rejected.add(line, "conflicts with data already stored");
        } catch (RuntimeException e) {
          // whatever else goes wrong with one row is that row's: the rows before it are committed
          LOG.error("Import of line {} failed", line, e);
          rejected.add(line, "could not be imported (an error on our side, logged)");
        }
      }
      return limits.report(created, rejected, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("header", "is not a valid CSV header: " + e.getMessage());
    }
  }

  /** One CSV row, read by column name, with typed getters that report the column when a value is wrong. */
  static final class Row {
    private final Map<String, String> values = new HashMap<>();

    Row(CSVRecord record) {
      record.toMap().forEach((k, v) -> values.put(k, v == null || v.isBlank() ? null : v));
    }

    String text(String column) {
      return values.get(column);
    }

    Long number(String column) {
      String v = values.get(column);
      try {
        return v == null ? null : Long.valueOf(v);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(column, "is not a whole number: " + shorten(v));
      }
    }

    Integer integer(String column) {
      String v = values.get(column);
      try {
        return v == null ? null : Integer.valueOf(v);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(column, "is not a whole number from " + Integer.MIN_VALUE + " to "
            + Integer.MAX_VALUE + ": " + shorten(v));
      }
    }

    BigDecimal decimal(String column) {
      String v = values.get(column);
      try {
        return v == null ? null : new BigDecimal(v);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(column, "is not a number: " + shorten(v));
      }
    }

    Boolean bool(String column) {
      String v = values.get(column);
      if (v == null) {
        return null;
      }
      return switch (v.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> true;
        case "false", "no", "n", "0" -> false;
        default -> throw new InvalidInputException(column, "is not true or false: " + shorten(v));
      };
    }

    <E extends Enum<E>> E enumeration(String column, Class<E> type) {
      String v = values.get(column);
      try {
        return v == null ? null : Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(List.of(new FieldError(column,
            "is not one of " + Arrays.toString(type.getEnumConstants()) + ": " + shorten(v))));
      }
    }
  }

  /** A refused value as the report quotes it: a hostile megabyte is not echoed back. */
  static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }
}
