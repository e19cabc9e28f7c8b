package dev.nnc.compiler;

import dev.nnc.compiler.check.Checker;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Parser;
import java.nio.file.Path;
import java.util.List;

/**
 * The compiler driver, which reads like the pipeline: parse, then check, stopping between phases on
 * errors. Emitting and summarising start from the checked {@link Program}.
 */
public record Compilation(Program program, List<Diagnostic> diagnostics) {

  public static Compilation of(SourceFile source, List<Path> dataDirs) {
    Diagnostics diagnostics = new Diagnostics();
    Ast.Unit unit = Parser.parse(source, diagnostics);
    Program program = null;
    if (unit != null) {
      program = Checker.check(unit, diagnostics, dataDirs);
    }
    return new Compilation(diagnostics.hasErrors() ? null : program, diagnostics.sorted());
  }

  public boolean succeeded() {
    return program != null;
  }
}
