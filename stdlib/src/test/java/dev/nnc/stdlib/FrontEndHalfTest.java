package dev.nnc.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the checker reads of a built-in — its definition: kind, signature, shape rule, weight
 * specification, and the definitions of data sources, transforms and initializers — knows nothing
 * of TensorFlow. Only the runtime's half imports it: the graph builders ({@code graph/}), the
 * initializers' ops, and what generated code calls ({@code Layer}, {@code Stages}).
 */
class FrontEndHalfTest {
  private static final Path STDLIB = Path.of("src/main/java/dev/nnc/stdlib");
  private static final List<Path> RUNTIME_HALF = List.of(
      Path.of("graph"), Path.of("init/Initializers.java"), Path.of("Layer.java"), Path.of("Stages.java"));

  @Test
  void theFrontEndHalfImportsNoTensorFlow() throws IOException {
    try (Stream<Path> files = Files.walk(STDLIB)) {
      List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> RUNTIME_HALF.stream().noneMatch(STDLIB.relativize(f)::startsWith))
          .filter(f -> imports(f, "org.tensorflow") || imports(f, "dev.nnc.runtime.graph"))
          .map(f -> STDLIB.relativize(f).toString())
          .sorted()
          .toList();
      assertEquals(List.of(), offenders, "front-end files of the standard library that import TensorFlow");
    }
  }

  private static boolean imports(Path file, String pkg) {
    try {
      return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("import " + pkg) || l.startsWith("import static " + pkg));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
