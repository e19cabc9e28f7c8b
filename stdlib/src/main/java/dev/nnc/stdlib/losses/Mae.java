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

/**
 * {@code mae(prediction, target)} and {@code huber(prediction, target, delta: 1)}: errors that grow
 * linearly (huber: quadratically below {@code delta}), averaged over every value, as in Keras.
 */
public final class Mae extends TensorOpDefinition {
  public static final Mae MAE = new Mae("mae", "The mean absolute error between a prediction and a target.",
      Signature.of(2));
  public static final Mae HUBER = new Mae("huber", "The Huber loss: squared below delta, linear above.",
      Signature.of(2, named("delta", ParamType.POSITIVE_FLOAT, 1.0)));

  private Mae(String name, String doc, Signature signature) {
    super(name, Kind.LOSS, doc, signature);
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
    Operand<TFloat32> error =
        tf.math.abs(tf.math.sub((Operand<TFloat32>) inputs.get(0), Losses.floats(tf, inputs.get(1))));
    if (this == MAE) {
      return Losses.meanOfAll(tf, error);
    }
    // 0.5 * min(e, d)^2 + d * (e - min(e, d)): Keras's Huber without a branch.
    Operand<TFloat32> delta = tf.constant((float) args.real("delta"));
    Operand<TFloat32> small = tf.math.minimum(error, delta);
    Operand<TFloat32> loss = tf.math.add(
        tf.math.mul(tf.constant(0.5f), tf.math.square(small)),
        tf.math.mul(delta, tf.math.sub(error, small)));
    return Losses.meanOfAll(tf, loss);
  }
}
