package dev.nnc.stdlib.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Small graph helpers the losses and metrics share. */
final class Losses {
  private Losses() {}

  /** The mean of every element, whatever the rank. */
  static Operand<TFloat32> meanOfAll(Ops tf, Operand<TFloat32> x) {
    return tf.math.mean(tf.reshape(x, tf.constant(new long[] {-1})), tf.constant(0));
  }

  /** An integer target (labels fed as int) as floats, so it can meet float predictions. */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> floats(Ops tf, Operand<?> x) {
    if (x.type() == TInt32.class) {
      return tf.dtypes.cast((Operand<TInt32>) x, TFloat32.class);
    }
    return (Operand<TFloat32>) x;
  }
}
