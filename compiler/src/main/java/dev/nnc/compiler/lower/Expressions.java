package dev.nnc.compiler.lower;

import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.Hyper;
import java.util.Set;

/** Lowers a checked compile-time expression of the source to an {@link HyperExpr} over the given variables. */
public final class Expressions {
  private Expressions() {}

  /**
   * {@code e} as an IR expression in which {@code variables} stay symbolic; every part that reads
   * none of them is the constant the checker folded for it.
   */
  public static HyperExpr lower(Ast.Expr e, Set<String> variables, Program program) {
    if (!reads(e, variables)) {
      return new HyperExpr.Const(((Value.Const) program.valueOf(e)).value());
    }
    if (e instanceof Ast.Name n) {
      return new HyperExpr.Var(n.name());
    }
    if (e instanceof Ast.Binary b) {
      return new HyperExpr.Binary(Hyper.Op.of(b.op().symbol), lower(b.left(), variables, program),
          lower(b.right(), variables, program));
    }
    if (e instanceof Ast.Unary u) {
      return new HyperExpr.Unary(u.op(), lower(u.operand(), variables, program));
    }
    if (e instanceof Ast.If i) {
      return new HyperExpr.Cond(lower(i.condition(), variables, program), lower(i.then(), variables, program),
          lower(i.otherwise(), variables, program));
    }
    Ast.ListExpr l = (Ast.ListExpr) e;
    return new HyperExpr.ListOf(l.items().stream().map(item -> lower(item, variables, program)).toList());
  }

  /** Whether {@code e}, a compile-time expression, reads one of {@code variables}. */
  public static boolean reads(Ast.Expr e, Set<String> variables) {
    if (e instanceof Ast.Name n) {
      return variables.contains(n.name());
    }
    if (e instanceof Ast.Binary b) {
      return reads(b.left(), variables) || reads(b.right(), variables);
    }
    if (e instanceof Ast.Unary u) {
      return reads(u.operand(), variables);
    }
    if (e instanceof Ast.If i) {
      return reads(i.condition(), variables) || reads(i.then(), variables) || reads(i.otherwise(), variables);
    }
    return e instanceof Ast.ListExpr l && l.items().stream().anyMatch(item -> reads(item, variables));
  }
}
