package com.drivecare.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The fields of a Camunda Form (form-js schema): what a person completing the task may submit. It
 * is the contract of a user task — a submission may carry only these keys, with values the form
 * itself would accept (the options of a radio or select, lengths, ranges, required fields). Text
 * components and read-only or disabled fields show data; they set nothing.
 */
public final class TaskForm {

  /** Components that hold a value under their {@code key}. */
  private static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "checkbox", "checklist",
      "radio", "select", "taglist", "datetime");

  private final String id;
  private final Map<String, Field> fields;

  private TaskForm(String id, Map<String, Field> fields) {
    this.id = id;
    this.fields = fields;
  }

  /** A form-js field: its key, type, options and the rules of its {@code validate} block. */
  public record Field(String key, String label, String type, boolean editable, boolean conditional, boolean required,
      List<String> options, Integer minLength, Integer maxLength, Double min, Double max, Pattern pattern) {

    /** Why {@code value} is not what this field accepts, or null when it is. */
    String problem(Object value) {
      if (value == null || value instanceof String s && s.isEmpty()) {
        return required && !conditional ? "is required" : null;
      }
      switch (type) {
        case "number" -> {
          double number;
          if (value instanceof Number n) {
            number = n.doubleValue();
          } else {
            try {
              number = Double.parseDouble(value.toString());
            } catch (NumberFormatException e) {
              return "must be a number";
            }
          }
          if (min != null && number < min) {
            return "must be at least " + format(min);
          }
          if (max != null && number > max) {
            return "must be at most " + format(max);
          }
          return null;
        }
        case "checkbox" -> {
          return value instanceof Boolean ? null : "must be true or false";
        }
        case "datetime" -> {
          return value instanceof Date || value instanceof String ? null : "must be a date and time";
        }
        case "checklist", "taglist" -> {
          if (!(value instanceof Collection<?> values)) {
            return "must be a list";
          }
          for (Object v : values) {
            if (!options.isEmpty() && !options.contains(String.valueOf(v))) {
              return "has no option '" + v + "'";
            }
          }
          return null;
        }
        default -> {
          if (!(value instanceof String text)) {
            return "must be text";
          }
          if (!options.isEmpty() && !options.contains(text)) {
            return "must be one of " + String.join(", ", options);
          }
          if (maxLength != null && text.length() > maxLength) {
            return "must be at most " + maxLength + " characters long";
          }
          if (minLength != null && text.length() < minLength) {
            return "must be at least " + minLength + " characters long";
          }
          if (pattern != null && !pattern.matcher(text).matches()) {
            return "does not have the expected format";
          }
          return null;
        }
      }
    }

    private static String format(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    String name() {
      return label == null || label.isBlank() ? key : label;
    }
  }

  /** Reads a form-js schema (the deployed {@code .form} file). */
  public static TaskForm parse(InputStream json, ObjectMapper mapper) throws IOException {
    JsonNode root = mapper.readTree(json);
    Map<String, Field> fields = new LinkedHashMap<>();
    collect(root.path("components"), fields);
    return new TaskForm(root.path("id").asText(null), fields);
  }

  private static void collect(JsonNode components, Map<String, Field> fields) {
    for (JsonNode c : components) {
      String type = c.path("type").asText();
      if (c.has("components")) {
        collect(c.path("components"), fields); // groups and other containers
      }
      if (!INPUT_TYPES.contains(type) || !c.hasNonNull("key")) {
        continue;
      }
      JsonNode validate = c.path("validate");
      List<String> options = new ArrayList<>();
      c.path("values").forEach(v -> options.add(v.path("value").asText()));
      boolean editable = !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false);
      String label = c.hasNonNull("label") ? c.path("label").asText() : c.path("dateLabel").asText(null);
      fields.put(c.path("key").asText(), new Field(c.path("key").asText(), label, type, editable,
          c.hasNonNull("conditional"), validate.path("required").asBoolean(false), List.copyOf(options),
          intOrNull(validate, "minLength"), intOrNull(validate, "maxLength"), doubleOrNull(validate, "min"),
          doubleOrNull(validate, "max"),
          validate.hasNonNull("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null));
    }
  }

  private static Integer intOrNull(JsonNode node, String name) {
    return node.hasNonNull(name) && node.path(name).canConvertToInt() ? node.path(name).asInt() : null;
  }

  private static Double doubleOrNull(JsonNode node, String name) {
    return node.hasNonNull(name) && node.path(name).isNumber() ? node.path(name).asDouble() : null;
  }

  public String id() {
    return id;
  }

  public Map<String, Field> fields() {
    return fields;
  }

  /**
   * What is wrong with a submission, as sentences a person can act on; empty when the form accepts
   * it. {@code current} gives a variable's value now: a read-only field, or a key the form does not
   * have, is accepted only when it would not change anything (Tasklist sends read-only fields back).
   */
  public List<String> problems(Map<String, Object> submitted, Function<String, Object> current) {
    List<String> problems = new ArrayList<>();
    submitted.forEach((key, value) -> {
      Field field = fields.get(key);
      if (field == null || !field.editable()) {
        if (!Objects.equals(normal(value), normal(current.apply(key)))) {
          problems.add(field == null
              ? "'" + key + "' is not a field of this task's form and cannot be changed here"
              : "'" + field.name() + "' is shown for information and cannot be changed here");
        }
        return;
      }
      String problem = field.problem(value);
      if (problem != null) {
        problems.add("'" + field.name() + "' " + problem);
      }
    });
    fields.values().stream()
        .filter(f -> f.editable() && f.required() && !f.conditional() && !submitted.containsKey(f.key()))
        .filter(f -> current.apply(f.key()) == null)
        .forEach(f -> problems.add("'" + f.name() + "' is required"));
    return problems;
  }

  /** Numbers compare by value whatever their Java type (Tasklist sends a Long back as an Integer). */
  private static Object normal(Object value) {
    return value instanceof Number n && !(value instanceof Double || value instanceof Float)
        ? (Object) n.longValue() : value;
  }
}
