package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;

/**
 * {@code class_token}: prepends one learned vector to every sequence, {@code float[batch, seq, d]} to
 * {@code float[batch, seq + 1, d]} — a ViT's token whose final state is classified. It starts at zeros,
 * as in the original ViT.
 */
public final class ClassToken extends TensorOpDefinition {
  public ClassToken() {
    super("class_token", Kind.LAYER, "Prepends one learned vector: [seq, d] to [seq + 1, d].", Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    PositionEmbedding.requireSequence("class_token", x);
    Dim seq = x.shape().dim(1);
    Dim longer = seq.isKnown() ? Dim.of(seq.sizeOr(-1) + 1) : Dim.symbol(seq + " + 1");
    return x.withShape(x.shape().with(1, longer));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    return List.of(new WeightSpec("token", TensorShape.of(inputs.get(0).shape().last().sizeOr(-1)), true, "zeros"));
  }
}
