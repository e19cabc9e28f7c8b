package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;

/**
 * {@code batchnorm}: normalises each channel (the last axis) with the batch's statistics while
 * training and with moving averages otherwise, as Keras's BatchNormalization: 2 trainable numbers
 * (gamma, beta) and 2 non-trainable ones (moving mean and variance) per channel.
 */
public final class BatchNorm extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          named("momentum", ParamType.RATE, 0.99),
          named("epsilon", ParamType.POSITIVE_FLOAT, 1e-3));

  public BatchNorm() {
    super("batchnorm", Kind.LAYER, "Normalises each channel with batch statistics while training, moving averages otherwise.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRankAtLeast("batchnorm", x, 2);
    Shapes.knownLast("batchnorm", x);
    return x;
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    TensorShape channels = TensorShape.of(inputs.get(0).shape().last().sizeOr(-1));
    return List.of(
        new WeightSpec("gamma", channels, true, "ones"),
        new WeightSpec("beta", channels, true, "zeros"),
        new WeightSpec("moving_mean", channels, false, "zeros"),
        new WeightSpec("moving_variance", channels, false, "ones"));
  }
}
