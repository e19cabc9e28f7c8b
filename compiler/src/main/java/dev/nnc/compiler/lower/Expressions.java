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
    if (!reads(e, variables) && program.valueOf(e) instanceof Value.Const c) {
      return new HyperExpr.Const(c.value());
    }
    // Not evaluated by the checker: a branch of an `if` that no use of the model took. Literals keep
    // their value; anything else fails if a use the checker did not see ever takes it.
    if (e instanceof Ast.Num n && n.unit() == null) {
      return new HyperExpr.Const(n.isInteger() ? (Object) (long) n.value() : (Object) n.value());
    }
    if (e instanceof Ast.Str s) {
      return new HyperExpr.Const(s.value());
    }
    if (e instanceof Ast.Bool b) {
      return new HyperExpr.Const(b.value());
    }
    if (e instanceof Ast.Name n && variables.contains(n.name())) {
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
    if (e instanceof Ast.ListExpr l) {
      return new HyperExpr.ListOf(l.items().stream().map(item -> lower(item, variables, program)).toList());
    }
    return new HyperExpr.Unchecked(e.span().text());
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
