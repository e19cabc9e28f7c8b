package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.graph.Net;
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
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

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

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> kernel = (Operand<TFloat32>) w.get("kernel");
    Operand<TFloat32> y;
    if (x.shape().numDimensions() == 2) {
      y = tf.linalg.matMul(x, kernel);
    } else {
      // Higher rank: contract the last axis only, keeping every leading axis (Keras semantics).
      long[] outShape = x.shape().asArray();
      outShape[0] = -1;
      outShape[outShape.length - 1] = kernel.shape().size(1);
      Operand<TFloat32> rows = tf.reshape(x, tf.constant(new long[] {-1, kernel.shape().size(0)}));
      y = tf.reshape(tf.linalg.matMul(rows, kernel), tf.constant(outShape));
    }
    return Kernels.biasAndActivation(net, args, y, w);
  }
}
