package dev.nnc.stdlib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the checker reads of a built-in — its kind, signature, argument types and shapes, and the
 * definitions of data sources, transforms and initializers — knows nothing of TensorFlow.
 */
class FrontEndHalfTest {
  private static final Path STDLIB = Path.of("src/main/java/dev/nnc/stdlib");
  private static final List<Path> FRONT_END = List.of(
      Path.of("spec"), Path.of("data"), Path.of("init/InitializerBuiltin.java"), Path.of("Builtin.java"),
      Path.of("BuiltinDefinition.java"), Path.of("Kind.java"));

  @Test
  void theFrontEndHalfImportsNoTensorFlow() throws IOException {
    try (Stream<Path> files = Files.walk(STDLIB)) {
      List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> FRONT_END.stream().anyMatch(STDLIB.relativize(f)::startsWith))
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
