package dev.nnc.compiler;

import dev.nnc.compiler.check.Checker;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.lower.Ir;
import dev.nnc.compiler.lower.Lowering;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Parser;
import java.nio.file.Path;
import java.util.List;

/**
 * The compiler driver, which reads like the pipeline: parse, check, lower, stopping between phases on
 * errors. Back ends start from the checked {@link Program} and its lowered {@link Ir.Module}.
 */
public record Compilation(Program program, Ir.Module lowered, List<Diagnostic> diagnostics) {

  public static Compilation of(SourceFile source, List<Path> dataDirs) {
    Diagnostics diagnostics = new Diagnostics();
    Ast.Unit unit = Parser.parse(source, diagnostics);
    Program program = unit == null ? null : Checker.check(unit, diagnostics, dataDirs);
    if (program == null || diagnostics.hasErrors()) {
      return new Compilation(null, null, diagnostics.sorted());
    }
    return new Compilation(program, Lowering.lower(program), diagnostics.sorted());
  }

  public boolean succeeded() {
    return program != null;
  }
}
