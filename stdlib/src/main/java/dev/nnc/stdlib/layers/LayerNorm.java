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

/** {@code layernorm}: each record normalised over its last axis, then scaled and shifted (Keras LayerNormalization). */
public final class LayerNorm extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, named("epsilon", ParamType.POSITIVE_FLOAT, 1e-3));

  public LayerNorm() {
    super("layernorm", Kind.LAYER, "Normalises each record over its last axis, then scales and shifts.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    Shapes.knownLast("layernorm", inputs.get(0));
    return inputs.get(0);
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    TensorShape features = TensorShape.of(inputs.get(0).shape().last().sizeOr(-1));
    return List.of(new WeightSpec("gamma", features, true, "ones"), new WeightSpec("beta", features, true, "zeros"));
  }
}
