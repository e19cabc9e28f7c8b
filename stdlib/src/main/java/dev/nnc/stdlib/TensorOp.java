package dev.nnc.stdlib;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * A built-in applied to tensors — a layer, an activation, a tensor function, a loss or a metric —
 * defined once: the checker reads {@link #outputType} and {@link #weights}, the runtime calls
 * {@link #build}, and both see the same rule.
 */
public interface TensorOp extends Builtin {
  /** The type of the result, or a {@link ShapeException} saying why the inputs do not fit. */
  TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException;

  /** The weights this op creates for these inputs; none for functions. */
  default List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    return List.of();
  }

  /**
   * Builds the op's graph. {@code weights} holds the values of the weights {@link #weights} asked
   * for, by name, already created (or shared) by the caller.
   */
  Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> weights);
}
