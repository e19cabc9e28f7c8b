package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

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

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    return tf.clipByValue((Operand<TFloat32>) inputs.get(0),
        tf.constant((float) args.real("lo")), tf.constant((float) args.real("hi")));
  }
}
