package dev.nnc.runtime.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A job's {@link GradientClipping}, as the graph ops that bound its gradients. */
record ClipGradients(GradientClipping clip) implements GradientTransform {
  @Override
  public List<Operand<TFloat32>> apply(Ops tf, List<Operand<TFloat32>> gradients) {
    if (clip instanceof GradientClipping.GlobalNorm norm) {
      List<Operand<TFloat32>> squares = gradients.stream().map(g -> Sums.squares(tf, g)).toList();
      Operand<TFloat32> total = tf.math.sqrt(tf.math.addN(squares));
      Operand<TFloat32> limit = tf.constant((float) norm.max());
      Operand<TFloat32> scale = tf.math.div(limit, tf.math.maximum(total, limit));
      return gradients.stream().map(g -> (Operand<TFloat32>) tf.math.mul(g, scale)).toList();
    }
    double limit = ((GradientClipping.ByValue) clip).limit();
    Operand<TFloat32> high = tf.constant((float) limit);
    Operand<TFloat32> low = tf.constant((float) -limit);
    return gradients.stream().map(g -> (Operand<TFloat32>) tf.clipByValue(g, low, high)).toList();
  }
}
