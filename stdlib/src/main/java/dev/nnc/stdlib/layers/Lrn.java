package dev.nnc.stdlib.layers;

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
import org.tensorflow.op.nn.LocalResponseNormalization;
import org.tensorflow.types.TFloat32;

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

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    // The paper sums alpha over the window; TensorFlow multiplies its alpha by the sum, so divide by n.
    long n = 2 * args.integer("radius") + 1;
    return net.tf().nn.localResponseNormalization((Operand<TFloat32>) inputs.get(0),
        LocalResponseNormalization.depthRadius(args.integer("radius")),
        LocalResponseNormalization.bias((float) args.real("bias")),
        LocalResponseNormalization.alpha((float) (args.real("alpha") / n)),
        LocalResponseNormalization.beta((float) args.real("beta")));
  }
}
