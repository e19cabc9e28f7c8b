package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.MatMul;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;

/**
 * The graph half of {@link MatMul}: MatMul for two matrices, BatchMatMulV3 (which broadcasts the
 * leading axes, and has a gradient) otherwise; a vector becomes a one-row or one-column matrix
 * whose axis is squeezed away again.
 */
final class MatMulGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> a = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> b = (Operand<TFloat32>) inputs.get(1);
    int rankA = a.shape().numDimensions();
    int rankB = b.shape().numDimensions();
    if (rankA == 2 && rankB == 2) {
      return tf.linalg.matMul(a, b);
    }
    Operand<TFloat32> left = rankA == 1 ? tf.expandDims(a, tf.constant(0)) : a;
    Operand<TFloat32> right = rankB == 1 ? tf.expandDims(b, tf.constant(-1)) : b;
    Operand<TFloat32> product = tf.train.batchMatMul(left, right, TFloat32.class);
    if (rankB == 1) {
      product = tf.squeeze(product, Squeeze.axis(-1L));
    }
    if (rankA == 1) {
      product = tf.squeeze(product, Squeeze.axis(-2L));
    }
    return product;
  }
}
