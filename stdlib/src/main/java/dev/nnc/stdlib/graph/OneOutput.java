package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/** The graph of a built-in with a single result, as most are. */
interface OneOutput extends GraphBuilder {
  Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> weights);

  @Override
  default Outputs build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> weights) {
    return Outputs.of(output(net, args, inputs, weights));
  }
}
