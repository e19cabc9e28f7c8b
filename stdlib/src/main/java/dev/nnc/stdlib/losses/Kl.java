package dev.nnc.stdlib.losses;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code kl(prediction, target)}: the Kullback-Leibler divergence of the target distribution from the
 * predicted one, summed over the last axis and averaged over the records (Keras's KLDivergence with
 * its arguments in nnc's order: prediction first). Both are probabilities, clipped away from 0.
 */
public final class Kl extends TensorOpDefinition {
  public Kl() {
    super("kl", Kind.LOSS, "The KL divergence of the target distribution from the prediction.", Signature.of(2));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    Shapes.broadcast("compare", inputs.get(0), inputs.get(1));
    return TensorType.scalar();
  }
}
