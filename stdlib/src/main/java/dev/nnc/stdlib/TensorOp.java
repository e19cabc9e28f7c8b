package dev.nnc.stdlib;

import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;
import java.util.Map;

/**
 * A built-in applied to tensors — a layer, an activation, a tensor function, a loss or a metric —
 * as the checker sees it: its signature, the type of its result and the weights it needs, with no
 * TensorFlow. How it builds its graph is its {@link dev.nnc.stdlib.graph.GraphBuilder}, which the
 * runtime finds with {@link dev.nnc.stdlib.graph.GraphBuilders#of}; both follow the same rule,
 * which BuiltinContractTest checks.
 */
public interface TensorOp extends Builtin {
  /** The type of the result, or a {@link ShapeException} saying why the inputs do not fit. */
  TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException;

  /**
   * The named results of this use when it gives a record of several rather than one tensor (a
   * recurrent layer with {@code states: true}: {@code out}, {@code h}, {@code c}), the main one
   * first, as its graph names them; empty when its value is {@link #outputType}'s tensor.
   */
  default Map<String, TensorType> results(Args args, List<TensorType> inputs) throws ShapeException {
    return Map.of();
  }

  /** The weights this op creates for these inputs; none for functions. */
  default List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    return List.of();
  }
}
