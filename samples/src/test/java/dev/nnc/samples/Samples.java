package dev.nnc.samples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finding and checking the sample programs (the tests run with the samples folder as working directory). */
final class Samples {
  static final Path ROOT = Path.of("").toAbsolutePath();

  private Samples() {}

  /** Every `.nn` file under the samples folder (not build outputs), as paths relative to it, in a stable order. */
  static List<Path> all() {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(p -> p.toString().endsWith(".nn"))
          .filter(p -> !p.startsWith(ROOT.resolve("src")) && !p.startsWith(ROOT.resolve("target")))
          // Exported models keep a copy of their source under build/models/*/assets.
          .filter(p -> !p.startsWith(ROOT.resolve("build")))
          .map(ROOT::relativize)
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks a sample, failing the test with the rendered diagnostics if it has errors. */
  static Compilation compile(Path sample) {
    try {
      Compilation c = Compilation.of(new SourceFile(sample.toString(), Files.readString(sample)), List.of());
      assertTrue(c.succeeded(), () -> sample + " has errors:\n"
          + c.diagnostics().stream().map(HumanRenderer::render).collect(Collectors.joining("\n")));
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
