package dev.nnc.cli;

import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.diag.JsonRenderer;
import dev.nnc.compiler.diag.SarifRenderer;
import dev.nnc.compiler.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command that reads `.nn` files shares, and reading and reporting on them. */
final class SourceOptions {
  enum Format { human, json, sarif }

  @Option(names = "--diagnostics", description = "How to print problems: ${COMPLETION-CANDIDATES} (default: human).")
  Format format = Format.human;

  @Option(names = "--data-dir", description = "A directory to look for data files in (repeatable; also NN_DATA).")
  List<Path> dataDirs = new ArrayList<>();

  /** Reads and checks {@code file}, printing its diagnostics; null when the file cannot be read. */
  Compilation compile(Path file, PrintWriter err) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      err.println("error: " + file + ": no such file");
      return null;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("error: " + file + ": cannot read it: " + e.getMessage());
      return null;
    }
    Compilation compilation = Compilation.of(new SourceFile(file.toString(), text), dataDirs);
    report(compilation.diagnostics(), err);
    return compilation;
  }

  void report(List<Diagnostic> diagnostics, PrintWriter err) {
    if (format == Format.json) {
      err.println(JsonRenderer.render(diagnostics));
      return;
    }
    if (format == Format.sarif) {
      err.println(SarifRenderer.render(diagnostics));
      return;
    }
    for (Diagnostic d : diagnostics) {
      err.println(HumanRenderer.render(d));
    }
    long errors = diagnostics.stream().filter(Diagnostic::isError).count();
    if (errors > 0) {
      err.println(errors + " error" + (errors == 1 ? "" : "s"));
    }
  }
}
