package com.drivecare.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The names {@link RecallProcess} defines are the diagrams' own: a renamed element or message fails here. */
class RecallProcessNamesTest {

  static final List<String> DIAGRAMS = List.of("bpmn/recall/recall-campaign.bpmn", "bpmn/recall/recall-remedy.bpmn");

  @Test
  void everyElementIdAndMessageNameIsInADiagram() throws IOException, IllegalAccessException {
    StringBuilder xml = new StringBuilder();
    for (String diagram : DIAGRAMS) {
      xml.append(Files.readString(Path.of(diagram)));
    }
    List<String> ids = matches(xml, "\\bid=\"([^\"]+)\"");
    List<String> messages = matches(xml, "<bpmn:message [^>]*name=\"([^\"]+)\"");
    List<String> keys = matches(xml, "<bpmn:process [^>]*id=\"([^\"]+)\"");
    int checked = 0;
    for (Field field : RecallProcess.class.getFields()) {
      if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
        continue;
      }
      String name = field.getName();
      String value = (String) field.get(null);
      if (name.matches("(TASK|TIMER|CATCH|GATEWAY|END)_.*")) {
        assertThat(ids).as(name).contains(value);
        checked++;
      } else if (name.startsWith("MSG_")) {
        assertThat(messages).as(name).contains(value);
        checked++;
      } else if (name.endsWith("_KEY")) {
        assertThat(keys).as(name).contains(value);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(25);
  }

  private static List<String> matches(CharSequence text, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
