package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Layer;
import dev.nnc.stdlib.layers.Reshape;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/** The graph half of {@link Reshape}: the record shape with its -1 resolved, under the batch axis. */
final class ReshapeGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    long[] shape;
    try {
      shape = Reshape.recordShape(args, Layer.typeOf(inputs.get(0)));
    } catch (ShapeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    long[] full = new long[shape.length + 1];
    full[0] = -1;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return tf.reshape(inputs.get(0), tf.constant(full));
  }
}
