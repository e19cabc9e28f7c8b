package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

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
}
