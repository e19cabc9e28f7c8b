package dev.nnc.lsp;

import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import java.util.List;
import java.util.Optional;

/**
 * Go to definition: a name to where it is declared (a model, data block, constant, let, input, output,
 * parameter, hyper-parameter or loop variable, in this file or one it imports), and a member such as
 * {@code fashion.train} or {@code net.logits} to its split or output.
 */
final class Definitions {
  private final Analysis analysis;

  Definitions(Analysis analysis) {
    this.analysis = analysis;
  }

  /** Where the thing at {@code located} is declared, if it is a name the file can resolve. */
  Optional<Ast.Ident> of(Located located) {
    Ast.Expr innermost = located.innermost();
    if (innermost instanceof Ast.Member member && located.ident() == member.member()) {
      return member(member);
    }
    if (located.ident() != null) {
      return Optional.of(located.ident()); // already a declaration
    }
    if (innermost instanceof Ast.Name name) {
      List<Ast.Unit> imported = analysis.program() == null ? List.of() : analysis.program().imported();
      return Scope.at(analysis.unit(), imported, located).resolve(name.name()).map(Scope.Entry::declared);
    }
    return Optional.empty();
  }

  private Optional<Ast.Ident> member(Ast.Member member) {
    Value target = analysis.program() == null ? null : analysis.program().valueOf(member.target());
    String name = member.member().name();
    if (target instanceof Value.DataBlock block) {
      return block.decl().splits().stream().map(Ast.Split::name).filter(i -> i.name().equals(name)).findFirst();
    }
    if (target instanceof Value.Outputs outputs) {
      return outputs.model().decl().body().stream()
          .filter(s -> s instanceof Ast.Output).map(Ast.ModelStmt::name)
          .filter(i -> i.name().equals(name)).findFirst();
    }
    return Optional.empty();
  }
}
