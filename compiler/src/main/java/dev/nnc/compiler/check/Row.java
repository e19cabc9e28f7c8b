package dev.nnc.compiler.check;

import dev.nnc.compiler.source.Span;
import dev.nnc.stdlib.TensorOp;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * One node of a model's graph, as the checker builds it: what is applied (a built-in with its
 * configuration, a model instance, a raw parameter), its output type, its parameter counts, the
 * nodes (or model inputs) whose tensors it takes, and where it is applied (a shared layer, more than
 * once). {@code lower} turns the rows into the IR that back ends read.
 */
public record Row(String name, Callee callee, TensorType output, long trainable, long nonTrainable,
    List<String> inputs, List<Span> at) {
  public Row {
    inputs = List.copyOf(inputs);
    at = List.copyOf(at);
  }

  /** What a row applies. */
  public sealed interface Callee {}

  /** A layer, function or operator with the configuration the checker bound. */
  public record Builtin(TensorOp op, Args args) implements Callee {}

  /** A model applied as a layer, checked as this instance. */
  public record Model(ModelInstance instance) implements Callee {}

  /** A raw {@code param} of the model; its initializer is written at {@code init} (null: the default). */
  public record Param(dev.nnc.compiler.syntax.Ast.Expr init) implements Callee {}

  /** The name of what is applied: {@code dense}, {@code Residual}, {@code param}. */
  public String type() {
    if (callee instanceof Builtin b) {
      return b.op().name();
    }
    return callee instanceof Model m ? m.instance().decl().name().name() : "param";
  }

  public long params() {
    return trainable + nonTrainable;
  }
}
