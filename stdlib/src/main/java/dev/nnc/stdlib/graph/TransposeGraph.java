package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Layer;
import dev.nnc.stdlib.layers.Transpose;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;

/** The graph half of {@link Transpose}. */
final class TransposeGraph implements OneOutput {
  @Override
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<?> x = inputs.get(0);
    try {
      return tf.linalg.transpose(x, tf.constant(Transpose.permutation(args, x.shape().numDimensions())));
    } catch (ShapeException e) {
      throw new IllegalArgumentException(e.getMessage() + " (" + Layer.typeOf(x) + ")", e);
    }
  }
}
