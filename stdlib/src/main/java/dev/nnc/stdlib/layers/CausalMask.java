package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code causal_mask(n)}: the constant {@code float[n, n]} with ones on and below the diagonal. */
public final class CausalMask extends TensorOpDefinition {
  public CausalMask() {
    super("causal_mask", Kind.FUNCTION,
        "The constant float[n, n] with ones on and below the diagonal: position i sees positions up to i.",
        Signature.of(0, required("n", ParamType.SIZE)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    long n = args.integer("n");
    return TensorType.floats(TensorShape.of(n, n));
  }
}
