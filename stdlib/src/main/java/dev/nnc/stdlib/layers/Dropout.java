package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code dropout(rate)}: zeroes a fraction of the values while training, scaling the rest (inverted dropout). */
public final class Dropout extends TensorOpDefinition {
  private static final Signature SIGNATURE = Signature.of(1, required("rate", ParamType.RATE));

  public Dropout() {
    super("dropout", Kind.LAYER, "Drops each value with probability `rate` while training; the identity otherwise.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) {
    return inputs.get(0);
  }
}
