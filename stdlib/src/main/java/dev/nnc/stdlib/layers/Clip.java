package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code clip(x, lo, hi)}: every value limited to {@code [lo, hi]}. */
public final class Clip extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(1, required("lo", ParamType.FLOAT), required("hi", ParamType.FLOAT));

  public Clip() {
    super("clip", Kind.FUNCTION, "Every value limited to [lo, hi].", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    if (args.real("lo") > args.real("hi")) {
      throw new ShapeException("clip needs lo <= hi, found " + args.real("lo") + " and " + args.real("hi"));
    }
    return TensorType.floats(inputs.get(0).shape());
  }
}
