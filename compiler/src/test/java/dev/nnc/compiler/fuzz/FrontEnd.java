package dev.nnc.compiler.fuzz;

import com.palantir.javapoet.JavaFile;
import dev.nnc.compiler.Compilation;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.HumanRenderer;
import dev.nnc.compiler.diag.JsonRenderer;
import dev.nnc.compiler.emit.Emitter;
import dev.nnc.compiler.run.InMemoryJavaCompiler;
import dev.nnc.compiler.source.SourceFile;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The front end as the fuzzer drives it: parse, check, render every diagnostic both ways and, for a
 * program that checks clean, emit its Java (and optionally compile it in memory). Anything thrown
 * here is a bug in nnc; so is a rendered diagnostic that looks like a stack trace.
 */
final class FrontEnd {
  /** The package the emitted classes go in, so the source's name does not matter. */
  static final String PACKAGE = "fuzz";
  private static final Pattern STACK_TRACE = Pattern.compile(
      "\\b(java|javax|jdk|sun|org|com|dev)\\.[\\w$.]*(Exception|Error)\\b|\\bat [\\w$.<>]+\\([\\w$]+\\.java:\\d+\\)");

  private FrontEnd() {}

  /** Runs {@code text} through the front end, as a file called {@code name}; returns the compilation. */
  static Compilation run(String name, String text, boolean compileJava) {
    Compilation compilation = Compilation.of(new SourceFile(name, text), List.of());
    for (Diagnostic d : compilation.diagnostics()) {
      requireNoStackTrace(d, d.message());
      requireNoStackTrace(d, d.note());
      requireNoStackTrace(d, d.help());
      d.labels().forEach(label -> requireNoStackTrace(d, label.message()));
      HumanRenderer.render(d);
    }
    JsonRenderer.render(compilation.diagnostics());
    if (compilation.succeeded()) {
      List<JavaFile> files = Emitter.emit(compilation.program(), PACKAGE);
      for (JavaFile file : files) {
        file.toString();
      }
      if (compileJava) {
        InMemoryJavaCompiler.compile(files);
      }
    }
    return compilation;
  }

  /**
   * What nnc writes in a diagnostic (not the quoted source, which may hold anything) must not be a
   * Java exception's name or a stack frame: that would be an internal failure shown as a message.
   */
  private static void requireNoStackTrace(Diagnostic d, String text) {
    if (text != null && STACK_TRACE.matcher(text).find()) {
      throw new AssertionError("a diagnostic shows a Java exception:\n" + HumanRenderer.render(d));
    }
  }
}
