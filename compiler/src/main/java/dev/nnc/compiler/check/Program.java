package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A checked program: the syntax tree with what the checker learned about it — each expression's
 * value (kept in a side table, not in the tree), each model checked with its defaults, each job.
 */
public record Program(
    Ast.Unit unit,
    IdentityHashMap<Ast.Expr, Value> values,
    Map<Ast.Model, ModelInstance> models,
    List<Job> jobs) {

  public Value valueOf(Ast.Expr expr) {
    return values.get(expr);
  }
}
