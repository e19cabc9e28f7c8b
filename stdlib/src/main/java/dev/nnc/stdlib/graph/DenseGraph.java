package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Dense;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Dense}. */
final class DenseGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> kernel = (Operand<TFloat32>) w.get("kernel");
    Operand<TFloat32> y;
    if (x.shape().numDimensions() == 2) {
      y = tf.linalg.matMul(x, kernel);
    } else {
      // Higher rank: contract the last axis only, keeping every leading axis (Keras semantics).
      long[] outShape = x.shape().asArray();
      outShape[0] = -1;
      outShape[outShape.length - 1] = kernel.shape().size(1);
      Operand<TFloat32> rows = tf.reshape(x, tf.constant(new long[] {-1, kernel.shape().size(0)}));
      y = tf.reshape(tf.linalg.matMul(rows, kernel), tf.constant(outShape));
    }
    return BiasAndActivation.apply(net, args, y, w);
  }
}
