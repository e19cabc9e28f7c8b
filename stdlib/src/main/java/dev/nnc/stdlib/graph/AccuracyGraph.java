package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.losses.Accuracy;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** The graph half of {@link Accuracy}. */
final class AccuracyGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> logits = (Operand<TFloat32>) inputs.get(0);
    Operand<?> label = inputs.get(1);
    Operand<TFloat32> hits;
    if (logits.shape().numDimensions() == 1 || logits.shape().size(1) == 1) {
      Operand<TFloat32> predicted =
          tf.dtypes.cast(tf.math.greater(logits, tf.constant(0f)), TFloat32.class);
      Operand<TFloat32> truth =
          tf.dtypes.cast(tf.math.greater(Losses.floats(tf, label), tf.constant(0.5f)), TFloat32.class);
      hits = tf.dtypes.cast(tf.math.equal(predicted, truth), TFloat32.class);
    } else {
      Operand<TInt64> predicted = tf.math.argMax(logits, tf.constant(-1));
      Operand<TInt64> truth =
          label.type() == TInt32.class
              ? tf.dtypes.cast((Operand<TInt32>) label, TInt64.class)
              : tf.math.argMax(label, tf.constant(-1));
      hits = tf.dtypes.cast(tf.math.equal(predicted, truth), TFloat32.class);
    }
    return Losses.meanOfAll(tf, hits);
  }
}
