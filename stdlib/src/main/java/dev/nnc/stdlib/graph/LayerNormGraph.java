package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.LayerNorm;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link LayerNorm}. */
final class LayerNormGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    var last = tf.constant(new int[] {-1});
    Operand<TFloat32> mean = tf.math.mean(x, last, Mean.keepDims(true));
    Operand<TFloat32> centered = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centered), last, Mean.keepDims(true));
    Operand<TFloat32> normal =
        tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant((float) args.real("epsilon")))));
    return tf.math.add(tf.math.mul(normal, (Operand<TFloat32>) w.get("gamma")), (Operand<TFloat32>) w.get("beta"));
  }
}
