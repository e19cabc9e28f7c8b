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

/**
 * {@code kl(prediction, target)}: the Kullback-Leibler divergence of the target distribution from the
 * predicted one, summed over the last axis and averaged over the records (Keras's KLDivergence with
 * its arguments in nnc's order: prediction first). Both are probabilities, clipped away from 0.
 */
public final class Kl extends TensorOpDefinition {
  public Kl() {
    super("kl", Kind.LOSS, "The KL divergence of the target distribution from the prediction.", Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    Shapes.broadcast("compare", inputs.get(0), inputs.get(1));
    return TensorType.scalar();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> p = clipped(tf, (Operand<TFloat32>) inputs.get(0));
    Operand<TFloat32> t = clipped(tf, Losses.floats(tf, inputs.get(1)));
    Operand<TFloat32> perValue = tf.math.mul(t, tf.math.log(tf.math.div(t, p)));
    Operand<TFloat32> perRecord = tf.sum(perValue, tf.constant(-1));
    return Losses.meanOfAll(tf, perRecord);
  }

  private static Operand<TFloat32> clipped(Ops tf, Operand<TFloat32> x) {
    return tf.clipByValue(x, tf.constant(1e-7f), tf.constant(1f));
  }
}
