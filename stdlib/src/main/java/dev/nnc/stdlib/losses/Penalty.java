package dev.nnc.stdlib.losses;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * The penalties {@code l1(x)} (sum of absolute values) and {@code l2(x)} (sum of squares), to add to
 * a loss: {@code loss: mse(recon, image) + 1e-3 * l1(code)} makes a sparse code. Keras's regularizers
 * with a factor of 1.
 */
public final class Penalty extends TensorOpDefinition {
  public static final Penalty L1 = new Penalty("l1", "The sum of the absolute values: a sparsity penalty.");
  public static final Penalty L2 = new Penalty("l2", "The sum of the squares: a weight-decay penalty.");

  private Penalty(String name, String doc) {
    super(name, Kind.LOSS, doc, Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return TensorType.scalar();
  }
}
