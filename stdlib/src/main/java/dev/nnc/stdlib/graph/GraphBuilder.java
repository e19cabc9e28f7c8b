package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * The runtime's half of a tensor built-in: how it builds its graph. The checker's half (signature,
 * shape rule, weights) is the {@link dev.nnc.stdlib.TensorOp}; {@link GraphBuilders} pairs them.
 */
public interface GraphBuilder {
  /**
   * Builds the op's graph on {@code inputs}. {@code weights} holds the values of the weights the
   * op's specification asked for, by name, already created (or shared) by the caller.
   */
  Outputs build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> weights);
}
