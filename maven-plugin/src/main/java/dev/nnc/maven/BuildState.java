package dev.nnc.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last successful run recorded under {@code target/}: the inputs' fingerprint on the first
 * line, then the generated files (relative to the output directory), one a line, so that the next
 * run can tell whether anything changed and delete classes whose model was removed.
 */
final class BuildState {
  private final Path file;

  BuildState(Path file) {
    this.file = file;
  }

  record Recorded(String fingerprint, List<Path> outputs) {}

  /** The recorded state, or null when there is none (a first or failed run, or after a clean). */
  Recorded read() throws IOException {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty()) {
      return null;
    }
    List<Path> outputs = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      outputs.add(Path.of(line));
    }
    return new Recorded(lines.get(0), outputs);
  }

  void write(Recorded state) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(state.fingerprint());
    // '/' on every platform, so a state file means the same wherever it is read.
    state.outputs().forEach(p -> lines.add(p.toString().replace('\\', '/')));
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  void forget() throws IOException {
    Files.deleteIfExists(file);
  }
}
