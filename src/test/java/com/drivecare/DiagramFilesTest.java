package com.drivecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;

/**
 * The one house rule a linter cannot see: a diagram's executable process has the id of its file
 * ({@code reservation-retention.bpmn} holds {@code reservation-retention}), so an analyst finds a
 * process by its key. The other rules are bpmnlint rules ({@code bpmnlint-plugin-drivecare}).
 */
class DiagramFilesTest {

  @Test
  void everyDiagramsProcessIsNamedAfterItsFile() throws IOException {
    List<Path> diagrams;
    try (Stream<Path> files = Files.walk(Path.of("bpmn"))) {
      diagrams = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
    }
    assertThat(diagrams).isNotEmpty();
    for (Path diagram : diagrams) {
      String expected = diagram.getFileName().toString().replaceFirst("\\.bpmn$", "");
      List<String> executable = Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(Process.class).stream()
          .filter(Process::isExecutable).map(Process::getId).toList();
      assertThat(executable).as(diagram.toString()).containsExactly(expected);
    }
  }
}
