package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** {@code bce(logits, target)}: binary cross-entropy averaged over every value; logits unless {@code probs: true}. */
public final class Bce extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(2, named("probs", ParamType.BOOL, false));

  public Bce() {
    super("bce", Kind.LOSS, "Binary cross-entropy of logits (or probabilities) against 0/1 targets.", SIGNATURE);
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
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> z = Losses.floats(tf, inputs.get(1));
    Operand<TFloat32> perValue;
    if (args.bool("probs")) {
      Operand<TFloat32> p = tf.clipByValue(x, tf.constant(1e-7f), tf.constant(1f - 1e-7f));
      perValue = tf.math.neg(tf.math.add(
          tf.math.mul(z, tf.math.log(p)),
          tf.math.mul(tf.math.sub(tf.constant(1f), z), tf.math.log(tf.math.sub(tf.constant(1f), p)))));
    } else {
      // The stable form max(x, 0) - x * z + log(1 + exp(-|x|)).
      perValue = tf.math.add(
          tf.math.sub(tf.nn.relu(x), tf.math.mul(x, z)),
          tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
    }
    return Losses.meanOfAll(tf, perValue);
  }
}
