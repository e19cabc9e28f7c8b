package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code bernoulli(p)}: 1 with probability {@code p}, else 0, for every value of {@code p} — the
 * sampling of binary units in RBMs. Drawn anew every step; no gradient flows through the draw.
 */
public final class Bernoulli extends TensorOpDefinition {
  public Bernoulli() {
    super("bernoulli", Kind.FUNCTION, "1 with probability p, else 0, drawn anew every step.", Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return TensorType.floats(inputs.get(0).shape());
  }
}
