package dev.nnc.stdlib.losses;

import static dev.nnc.stdlib.spec.Param.optional;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code top_k(logits, label, k: 5)}: the fraction of records whose label is among the k highest logits. */
public final class TopK extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(2, optional("k", ParamType.SIZE, 5L));

  public TopK() {
    super("top_k", Kind.METRIC, "The fraction of records whose label is among the k highest logits.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType logits = inputs.get(0);
    TensorType label = inputs.get(1);
    if (logits.rank() != 2 || label.element() != ElementType.INT || label.rank() != 1) {
      throw new ShapeException("top_k expects logits [batch, classes] and integer labels int[batch], found "
          + logits + " and " + label);
    }
    return TensorType.scalar();
  }
}
