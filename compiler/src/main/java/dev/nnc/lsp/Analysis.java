package dev.nnc.lsp;

import dev.nnc.compiler.check.Checker;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.lower.Ir;
import dev.nnc.compiler.lower.Lowering;
import dev.nnc.compiler.source.SourceFile;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.compiler.syntax.Parser;
import java.util.List;

/**
 * One version of an open document, parsed, checked and lowered. Unlike {@code Compilation}, the program is kept
 * even when it has errors: an editor shows shapes around a mistake. {@code unit} and {@code program}
 * are null when the text does not parse.
 */
record Analysis(SourceFile source, Ast.Unit unit, Program program, Ir.Module lowered, List<Diagnostic> diagnostics) {

  /** Parses and checks {@code source}; data files are looked for beside it. */
  static Analysis of(SourceFile source) {
    Diagnostics diagnostics = new Diagnostics();
    Ast.Unit unit = Parser.parse(source, diagnostics);
    Program program = unit == null ? null : Checker.check(unit, diagnostics, List.of());
    // Lowered even with errors: the models that checked are lowered, and hover reads their graphs.
    Ir.Module lowered = program == null ? null : Lowering.lower(program);
    return new Analysis(source, unit, program, lowered, diagnostics.sorted());
  }
}
