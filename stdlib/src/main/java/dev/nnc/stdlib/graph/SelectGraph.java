package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Select;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/** The graph half of {@link Select}: GatherV2 of one scalar index, which drops the axis. */
final class SelectGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<?> x = inputs.get(0);
    int axis = SliceGraph.axis(args.integer("axis"), x.shape().numDimensions());
    return tf.gather(x, tf.constant((int) args.integer("index")), tf.constant(axis));
  }
}
