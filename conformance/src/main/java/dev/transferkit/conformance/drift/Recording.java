package dev.transferkit.conformance.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.transferkit.conformance.spec.RecordedExchange;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Every exchange of one scenario on a real target, in order, secrets masked and ids kept: one JSON
 * file per scenario ({@code <provider>/<feature>-<line>.json}) written by {@link DriftRecorder},
 * replayed by {@link DriftCompare}.
 *
 * @param scenario the scenario's name
 * @param feature the feature file ({@code streambird/create-transfer.feature})
 * @param line the scenario's line in it
 * @param provider {@code circle}, {@code wyre} or {@code streambird}
 * @param result how the scenario ended there ({@code PASSED}, {@code FAILED}, {@code SKIPPED})
 * @param exchanges what was sent and answered, in order
 */
public record Recording(
    String scenario,
    String feature,
    int line,
    String provider,
    String result,
    List<RecordedExchange> exchanges) {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public Recording {
    exchanges = List.copyOf(exchanges);
  }

  /** The file of this recording under {@code dir}. */
  Path file(Path dir) {
    String stem = feature.replaceFirst("^.*/", "").replaceFirst("\\.feature$", "");
    return dir.resolve(provider).resolve(stem + "-" + line + ".json");
  }

  static Recording read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Recording.class);
  }

  void write(Path dir) throws IOException {
    Path file = file(dir);
    java.nio.file.Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), this);
  }
}
