package dev.nnc.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.source.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A test program under {@code src/test/resources/programs}, checked, with its models by name. */
final class CheckedProgram {
  private final Compilation compilation;

  private CheckedProgram(Compilation compilation) {
    this.compilation = compilation;
  }

  /** Checks {@code programs/NAME}, failing the test with the diagnostics if it has errors. */
  static CheckedProgram of(String name) throws IOException {
    Path file = Path.of("src/test/resources/programs", name);
    Compilation c = Compilation.of(new SourceFile(file.toString(), Files.readString(file)), List.of());
    assertTrue(c.succeeded(), () -> c.diagnostics().toString());
    return new CheckedProgram(c);
  }

  /** The model declared as {@code name}, checked with its defaults. */
  ModelInstance model(String name) {
    return compilation.program().models().entrySet().stream()
        .filter(e -> e.getKey().name().name().equals(name))
        .findFirst().orElseThrow().getValue();
  }
}
