package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The compiler's phases keep their dependencies where ARCHITECTURE.md puts them. */
class LayeringTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/nnc");

  @Test
  void onlyTheSyntaxPackageSeesAntlr() throws IOException {
    assertEquals(List.of(), importers("import org.antlr", Path.of("compiler/syntax")),
        "these files import ANTLR; lex or parse through dev.nnc.compiler.syntax instead");
  }

  /** The source files outside {@code allowed} that contain {@code line}. */
  static List<String> importers(String line, Path allowed) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      return files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> !SOURCES.relativize(f).startsWith(allowed))
          .filter(f -> contains(f, line))
          .map(f -> SOURCES.relativize(f).toString())
          .sorted()
          .toList();
    }
  }

  private static boolean contains(Path file, String line) {
    try {
      return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith(line));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
