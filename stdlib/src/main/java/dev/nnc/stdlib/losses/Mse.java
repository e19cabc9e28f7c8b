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

/** {@code mse(prediction, target)}: the mean squared error over every value. */
public final class Mse extends TensorOpDefinition {
  public Mse() {
    super("mse", Kind.LOSS, "The mean squared error between a prediction and a target.", Signature.of(2));
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
    Operand<TFloat32> diff =
        tf.math.sub((Operand<TFloat32>) inputs.get(0), Losses.floats(tf, inputs.get(1)));
    return Losses.meanOfAll(tf, tf.math.square(diff));
  }
}
