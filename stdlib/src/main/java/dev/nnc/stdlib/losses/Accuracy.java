package dev.nnc.stdlib.losses;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * {@code accuracy(logits, label)}: the fraction of records classified right — the arg-max against an
 * integer label or a one-hot target; for a single logit, its sign against a 0/1 target.
 */
public final class Accuracy extends TensorOpDefinition {
  public Accuracy() {
    super("accuracy", Kind.METRIC, "The fraction of records whose predicted class is the label.", Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType logits = inputs.get(0);
    TensorType label = inputs.get(1);
    if (isBinary(logits)) {
      Shapes.broadcast("compare", logits, label);
    } else {
      CrossEntropy.ClassTargets.check("accuracy", logits, label);
    }
    return TensorType.scalar();
  }

  private static boolean isBinary(TensorType logits) {
    return logits.rank() == 2 && logits.shape().dim(1).sizeOr(-1) == 1
        || logits.rank() == 1;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
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
