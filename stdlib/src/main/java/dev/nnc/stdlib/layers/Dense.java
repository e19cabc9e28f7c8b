package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;

/** {@code dense(units)}: a fully connected layer on the last axis, as Keras's Dense. */
public final class Dense extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("units", ParamType.SIZE),
          named("activation", ParamType.ACTIVATION, "none"),
          named("bias", ParamType.BOOL, true),
          named("init", ParamType.INITIALIZER, "glorot_uniform"));

  public Dense() {
    super("dense", Kind.LAYER, "A fully connected layer on the last axis: x @ kernel + bias.", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRankAtLeast("dense", x, 2);
    Shapes.knownLast("dense", x);
    return x.withShape(x.shape().withLast(Dim.of(args.integer("units"))));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long in = inputs.get(0).shape().last().sizeOr(-1);
    long units = args.integer("units");
    return Kernels.kernelAndBias(args, TensorShape.of(in, units), units);
  }
}
