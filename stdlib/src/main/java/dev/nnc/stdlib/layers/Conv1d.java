package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;
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
import org.tensorflow.types.TFloat32;

/** {@code conv1d(filters, kernel)}: a convolution along the steps of {@code [steps, channels]}, as Keras's Conv1D. */
public final class Conv1d extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("filters", ParamType.SIZE),
          required("kernel", ParamType.SIZE),
          optional("stride", ParamType.SIZE, 1L),
          named("padding", ParamType.oneOf("valid", "same"), "valid"),
          named("dilation", ParamType.SIZE, 1L),
          named("bias", ParamType.BOOL, true),
          named("activation", ParamType.ACTIVATION, "none"),
          named("init", ParamType.INITIALIZER, "glorot_uniform"));

  public Conv1d() {
    super("conv1d", Kind.LAYER, "A 1-D convolution along the steps of [steps, channels].", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("conv1d", x, 3, "[batch, steps, channels]", null);
    Shapes.knownLast("conv1d", x);
    Dim steps = Shapes.windowOutput(x.shape().dim(1), args.integer("kernel"), args.integer("stride"),
        args.integer("dilation"), args.string("padding"));
    if (steps.sizeOr(1) <= 0) {
      throw new ShapeException("conv1d with a kernel of " + args.integer("kernel") + " does not fit "
          + x.shape().dim(1) + " steps", "use `padding: same` or a smaller kernel");
    }
    return x.withShape(TensorShape.of(x.shape().dim(0), steps, Dim.of(args.integer("filters"))));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long channels = inputs.get(0).shape().last().sizeOr(-1);
    long filters = args.integer("filters");
    return Kernels.kernelAndBias(args, TensorShape.of(args.integer("kernel"), channels, filters), filters);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> build(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    var tf = net.tf();
    // A 1-D convolution is a 2-D one over a height of 1: [b, steps, c] -> [b, 1, steps, c].
    Operand<TFloat32> x = tf.expandDims((Operand<TFloat32>) inputs.get(0), tf.constant(1));
    Operand<TFloat32> kernel = tf.expandDims((Operand<TFloat32>) w.get("kernel"), tf.constant(0));
    long stride = args.integer("stride");
    Operand<TFloat32> y = tf.nn.conv2d(x, kernel, List.of(1L, 1L, stride, 1L), args.string("padding").toUpperCase(),
        org.tensorflow.op.nn.Conv2d.dilations(List.of(1L, 1L, args.integer("dilation"), 1L)));
    y = tf.squeeze(y, org.tensorflow.op.core.Squeeze.axis(List.of(1L)));
    return Kernels.biasAndActivation(net, args, y, w);
  }
}
