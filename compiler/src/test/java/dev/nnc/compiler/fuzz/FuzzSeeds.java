package dev.nnc.compiler.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the fuzzer starts: every sample, every standard-library file and every negative test, so
 * that mutations begin from programs that reach the checker's deepest rules (and its error paths).
 * Paths are relative to the compiler module, where Maven runs its tests.
 */
final class FuzzSeeds {
  private static final List<Path> ROOTS = List.of(
      Path.of("..", "samples"),
      Path.of("..", "stdlib", "src", "main", "resources", "std"),
      Path.of("src", "test", "resources", "negative"),
      Path.of("src", "test", "resources", "programs"));

  private FuzzSeeds() {}

  /** Every seed file, in a stable order. */
  static List<Path> all() {
    return ROOTS.stream().flatMap(FuzzSeeds::nnFiles).sorted().toList();
  }

  private static Stream<Path> nnFiles(Path root) {
    try (Stream<Path> tree = Files.walk(root)) {
      return tree.filter(p -> p.toString().endsWith(".nn") && !p.toString().contains("target")
          && !p.toString().contains("/build/")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
