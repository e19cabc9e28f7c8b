package dev.nnc.stdlib.layers;

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
 * {@code lrn}: local response normalisation across channels, with the AlexNet paper's constants
 * (n = 5 neighbouring channels, k = 2, alpha = 1e-4, beta = 0.75) as defaults.
 */
public final class Lrn extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          named("radius", ParamType.SIZE, 2L),
          named("bias", ParamType.FLOAT, 2.0),
          named("alpha", ParamType.POSITIVE_FLOAT, 1e-4),
          named("beta", ParamType.POSITIVE_FLOAT, 0.75));

  public Lrn() {
    super("lrn", Kind.LAYER, "Local response normalisation across channels (AlexNet).", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    Shapes.requireRank("lrn", inputs.get(0), 4, "[batch, height, width, channels]", null);
    return inputs.get(0);
  }
}
