package dev.nnc.compiler.onnx;

import static dev.nnc.compiler.onnx.OnnxGraph.Attr.f;
import static dev.nnc.compiler.onnx.OnnxGraph.Attr.i;
import static dev.nnc.compiler.onnx.OnnxGraph.Attr.ints;
import static dev.nnc.compiler.onnx.OnnxGraph.Attr.s;

import dev.nnc.compiler.lower.Ir;
import dev.nnc.stdlib.spec.Args;
import java.util.ArrayList;
import java.util.List;
import dev.nnc.runtime.infer.ExportedWeights.Weight;
import java.util.function.Function;

/**
 * The ONNX nodes of one built-in, computing what its TensorFlow graph (stdlib's {@code graph/})
 * computes at inference. The graph stays channels-last as the SavedModel's signature is: an op that
 * ONNX defines on NCHW only (convolution, pooling, resize) is wrapped in two transposes, and its
 * kernel is transposed once when written; ONNX Runtime's optimizer cancels the transposes between
 * consecutive such ops (its transpose optimizer). Flatten and every axis argument so keep their NHWC meaning.
 */
final class Layers {
  private static final long[] TO_NCHW = {0, 3, 1, 2};
  private static final long[] TO_NHWC = {0, 2, 3, 1};

  private final OnnxGraph onnx;
  private final Ir.Node node;
  private final Args args;
  private final String op;
  private final List<String> in;
  private final Function<String, Weight> weights;

  Layers(OnnxGraph onnx, Ir.Node node, Ir.Builtin builtin, List<String> in, Function<String, Weight> weights) {
    this.onnx = onnx;
    this.node = node;
    this.args = builtin.config();
    this.op = builtin.op().name();
    this.in = in;
    this.weights = weights;
  }

  /** The layers and functions written, named in the error for one that is not. */
  static final List<String> COVERED = List.of("dense", "conv1d", "conv2d", "conv2d_transpose", "maxpool",
      "avgpool", "global_avgpool", "global_maxpool", "flatten", "reshape", "batchnorm", "layernorm", "dropout",
      "relu", "sigmoid", "tanh", "softmax", "elu", "leaky_relu", "selu", "gelu", "swish", "softplus", "add", "sub",
      "mul", "div", "concat", "embedding", "upsample", "rnn", "lstm", "gru", "matmul", "transpose", "exp", "log",
      "sqrt", "abs", "sign", "square", "clip", "mean", "sum", "max", "min");

  String translate() {
    if (node.operands().size() > expectedOperands()) {
      throw OnnxExport.unsupported(node, "it is one layer applied at " + node.at().size()
          + " places (shared weights); apply a model instead");
    }
    if (node.operands().size() < expectedOperands()) {
      throw OnnxExport.unsupported(node, "an operand is a compile-time constant, which the lowered model does not"
          + " carry yet; write it as a tensor (a param, or a function of the input)");
    }
    return switch (op) {
      case "dense" -> activation(args.string("activation"), bias(node("MatMul", x(), weight("kernel"))));
      case "conv2d" -> activation(args.string("activation"), bias(conv()));
      case "conv1d" -> activation(args.string("activation"), bias(conv1d()));
      case "conv2d_transpose" -> activation(args.string("activation"), bias(convTranspose()));
      case "maxpool", "avgpool" -> pool();
      case "global_avgpool" -> node("ReduceMean", List.of(x()), ints("axes", 1, 2), i("keepdims", 0));
      case "global_maxpool" -> node("ReduceMax", List.of(x()), ints("axes", 1, 2), i("keepdims", 0));
      case "flatten" -> node("Flatten", List.of(x()), i("axis", 1));
      case "reshape" -> reshape();
      case "batchnorm" -> batchNorm();
      case "layernorm" -> node("LayerNormalization", List.of(x(), weight("gamma"), weight("beta")),
          i("axis", -1), f("epsilon", args.real("epsilon")));
      case "dropout" -> node("Identity", List.of(x()));
      case "add", "sub", "mul", "div" -> node(op.substring(0, 1).toUpperCase() + op.substring(1), in);
      case "concat" -> node("Concat", in, i("axis", args.integer("axis")));
      case "embedding" -> node("Gather", List.of(weight("embeddings"), x()), i("axis", 0));
      case "upsample" -> upsample();
      case "matmul" -> node("MatMul", in);
      case "transpose" -> node("Transpose", List.of(x()), ints("perm", reversedAxes()));
      case "exp", "log", "sqrt", "abs", "sign" -> node(op.substring(0, 1).toUpperCase() + op.substring(1), in);
      case "square" -> node("Mul", List.of(x(), x()));
      case "clip" -> node("Clip",
          List.of(x(), scalar("lo", (float) args.real("lo")), scalar("hi", (float) args.real("hi"))));
      case "mean", "sum", "max", "min" -> reduce();
      case "rnn", "lstm", "gru" -> new Recurrent(onnx, node, args, op, weights).translate(x());
      default -> activationOrElse();
    };
  }

  private int expectedOperands() {
    return switch (op) {
      case "add", "sub", "mul", "div", "matmul" -> 2;
      case "concat" -> in.size();
      default -> 1;
    };
  }

  private String activationOrElse() {
    if (List.of("relu", "sigmoid", "tanh", "softmax", "elu", "leaky_relu", "selu", "gelu", "swish", "softplus")
        .contains(op)) {
      return activation(op, x(), args);
    }
    throw OnnxExport.unsupported(node, "the ONNX export does not cover it (it covers " + String.join(", ", COVERED)
        + ")");
  }

  private String x() {
    return in.get(0);
  }

  /** The initializer of the weight at {@code path}, as trained. */
  private String weight(String path) {
    Weight w = weights.apply(path);
    return onnx.floats(node.name() + "." + path, w.shape(), w.values());
  }

  private String bias(String y) {
    return args.bool("bias") ? node("Add", List.of(y, weight("bias"))) : y;
  }

  private String activation(String name, String x) {
    return name.equals("none") ? x : activation(name, x, null);
  }

  /** An activation with its arguments ({@code null}: the defaults, as a layer's {@code activation:} has). */
  private String activation(String name, String x, Args own) {
    boolean alphaGiven = own != null && (name.equals("elu") || name.equals("leaky_relu"));
    double alpha = alphaGiven ? own.real("alpha") : name.equals("elu") ? 1.0 : 0.3;
    return switch (name) {
      case "relu" -> node("Relu", List.of(x));
      case "sigmoid" -> node("Sigmoid", List.of(x));
      case "tanh" -> node("Tanh", List.of(x));
      case "softmax" -> node("Softmax", List.of(x), i("axis", own == null ? -1 : own.integer("axis")));
      case "elu" -> node("Elu", List.of(x), f("alpha", alpha));
      case "leaky_relu" -> node("LeakyRelu", List.of(x), f("alpha", alpha));
      case "selu" -> node("Selu", List.of(x));
      case "softplus" -> node("Softplus", List.of(x));
      case "swish" -> node("Mul", List.of(x, node("Sigmoid", List.of(x))));
      case "gelu" -> {
        // 0.5 x (1 + erf(x / sqrt 2)): opset 17 has no Gelu.
        String erf = node("Erf", List.of(node("Mul", List.of(x, scalar("inv_sqrt2", (float) (1 / Math.sqrt(2)))))));
        yield node("Mul", List.of(node("Mul", List.of(x, scalar("half", 0.5f))),
            node("Add", List.of(scalar("one", 1f), erf))));
      }
      default -> throw OnnxExport.unsupported(node, "activation " + name + " has no ONNX form here");
    };
  }

  private String scalar(String base, float value) {
    return onnx.floats(base, new long[0], new float[] {value});
  }

  private String conv() {
    Weight k = weights.apply("kernel");
    long[] hwio = k.shape();
    long[] stride = args.pair("stride");
    long[] dilation = args.pair("dilation");
    long[] kernel = {hwio[0], hwio[1]};
    String w = onnx.floats(node.name() + ".kernel_oihw", new long[] {hwio[3], hwio[2], hwio[0], hwio[1]},
        channelsFirst(k));
    String y = node("Conv", List.of(nchw(x()), w), ints("kernel_shape", kernel), ints("strides", stride),
        ints("dilations", dilation), ints("pads", pads(kernel, stride, dilation)));
    return nhwc(y);
  }

  /** Over {@code [batch, steps, channels]}, as ONNX's Conv over {@code [batch, channels, steps]}. */
  private String conv1d() {
    Weight k = weights.apply("kernel");
    long[] kio = k.shape();
    long[] kernel = {kio[0]};
    long[] stride = {args.integer("stride")};
    long[] dilation = {args.integer("dilation")};
    // [k, in, out] is a [1, k, in, out] kernel: [out, in, 1, k] holds its values as [out, in, k].
    String w = onnx.floats(node.name() + ".kernel_oik", new long[] {kio[2], kio[1], kio[0]},
        channelsFirst(new Weight(new long[] {1, kio[0], kio[1], kio[2]}, k.values())));
    String y = node("Conv", List.of(node("Transpose", List.of(x()), ints("perm", 0, 2, 1)), w),
        ints("kernel_shape", kernel), ints("strides", stride), ints("dilations", dilation),
        ints("pads", pads(kernel, stride, dilation)));
    return node("Transpose", List.of(y), ints("perm", 0, 2, 1));
  }

  /**
   * TensorFlow's transposed convolution (the gradient of a convolution whose kernel is {@code [h, w,
   * filters, channels]}) as ONNX's ConvTranspose: {@code same} pads as the forward convolution did,
   * and a stride above the kernel's size leaves the last rows and columns to output padding.
   */
  private String convTranspose() {
    Weight k = weights.apply("kernel");
    long[] hwoi = k.shape();
    long[] stride = args.pair("stride");
    long[] kernel = {hwoi[0], hwoi[1]};
    boolean same = args.string("padding").equals("same");
    long[] pads = new long[4];
    long[] outputPadding = new long[2];
    for (int axis = 0; axis < 2; axis++) {
      long total = same ? Math.max(kernel[axis] - stride[axis], 0) : 0;
      pads[axis] = total / 2;
      pads[axis + 2] = total - total / 2;
      outputPadding[axis] = Math.max(stride[axis] - kernel[axis], 0);
    }
    String w = onnx.floats(node.name() + ".kernel_iohw", new long[] {hwoi[3], hwoi[2], hwoi[0], hwoi[1]},
        channelsFirst(k));
    String y = node("ConvTranspose", List.of(nchw(x()), w), ints("kernel_shape", kernel), ints("strides", stride),
        ints("pads", pads), ints("output_padding", outputPadding));
    return nhwc(y);
  }

  private String pool() {
    long[] size = args.pair("size");
    long[] stride = args.isGiven("stride") ? args.pair("stride") : size;
    List<OnnxGraph.Attr> attrs = new ArrayList<>(List.of(ints("kernel_shape", size), ints("strides", stride),
        ints("pads", pads(size, stride, new long[] {1, 1}))));
    // TensorFlow's average leaves the padding out of the count, which is ONNX's default.
    String y = node(op.equals("maxpool") ? "MaxPool" : "AveragePool", List.of(nchw(x())),
        attrs.toArray(OnnxGraph.Attr[]::new));
    return nhwc(y);
  }

  /**
   * Explicit pads (top, left, bottom, right) as TensorFlow pads: none for {@code valid}; for
   * {@code same} the output is ceil(size / stride) and the odd pixel goes to the bottom and right.
   */
  private long[] pads(long[] kernel, long[] stride, long[] dilation) {
    int n = kernel.length;
    long[] pads = new long[2 * n];
    if (!args.string("padding").equals("same")) {
      return pads;
    }
    for (int axis = 0; axis < n; axis++) {
      long size = node.operands().get(0).type().shape().dim(axis + 1).sizeOr(-1);
      long out = (size + stride[axis] - 1) / stride[axis];
      long total = Math.max((out - 1) * stride[axis] + (kernel[axis] - 1) * dilation[axis] + 1 - size, 0);
      pads[axis] = total / 2;
      pads[axis + n] = total - total / 2;
    }
    return pads;
  }

  private long[] reversedAxes() {
    int rank = node.operands().get(0).type().rank();
    long[] perm = new long[rank];
    for (int a = 0; a < rank; a++) {
      perm[a] = rank - 1 - a;
    }
    return perm;
  }

  /** Along {@code axis}, or over every axis, the batch's too, as the graph reduces. */
  private String reduce() {
    int rank = node.operands().get(0).type().rank();
    long[] axes;
    if (args.isGiven("axis")) {
      long axis = args.integer("axis");
      axes = new long[] {axis < 0 ? rank + axis : axis};
    } else {
      axes = java.util.stream.LongStream.range(0, rank).toArray();
    }
    String type = "Reduce" + op.substring(0, 1).toUpperCase() + op.substring(1);
    // Opset 13 made ReduceSum's axes an input; the others take them as an attribute until opset 18.
    return op.equals("sum")
        ? node(type, List.of(x(), onnx.longs(node.name() + ".axes", axes)), i("keepdims", 0))
        : node(type, List.of(x()), ints("axes", axes), i("keepdims", 0));
  }

  private String reshape() {
    long[] shape = args.integers("shape");
    long[] full = new long[shape.length + 1];
    full[0] = -1;
    System.arraycopy(shape, 0, full, 1, shape.length);
    return node("Reshape", List.of(x(), onnx.longs(node.name() + ".shape", full)));
  }

  /** Inference: {@code x * scale + shift} from the moving statistics, as TensorFlow's graph computes it. */
  private String batchNorm() {
    float[] gamma = weights.apply("gamma").values();
    float[] beta = weights.apply("beta").values();
    float[] mean = weights.apply("moving_mean").values();
    float[] variance = weights.apply("moving_variance").values();
    float epsilon = (float) args.real("epsilon");
    float[] scale = new float[gamma.length];
    float[] shift = new float[gamma.length];
    for (int c = 0; c < gamma.length; c++) {
      scale[c] = gamma[c] * (float) (1 / Math.sqrt(variance[c] + epsilon));
      shift[c] = beta[c] - mean[c] * scale[c];
    }
    long[] channels = {gamma.length};
    String scaled = node("Mul", List.of(x(), onnx.floats(node.name() + ".scale", channels, scale)));
    return node("Add", List.of(scaled, onnx.floats(node.name() + ".shift", channels, shift)));
  }

  /** Nearest neighbour as TensorFlow's resize (no half-pixel centres): the source pixel is floor(dst / factor). */
  private String upsample() {
    long[] factor = args.pair("factor");
    String scales = onnx.floats(node.name() + ".scales", new long[] {4}, new float[] {1, 1, factor[0], factor[1]});
    return nhwc(node("Resize", List.of(nchw(x()), "", scales), s("mode", "nearest"),
        s("coordinate_transformation_mode", "asymmetric"), s("nearest_mode", "floor")));
  }

  private String nchw(String x) {
    return node("Transpose", List.of(x), ints("perm", TO_NCHW));
  }

  private String nhwc(String x) {
    return node("Transpose", List.of(x), ints("perm", TO_NHWC));
  }

  /**
   * A kernel in TensorFlow's {@code [height, width, a, b]} as ONNX's {@code [b, a, height, width]}:
   * a convolution's {@code [h, w, in, out]} as {@code [out, in, h, w]}, a transposed one's {@code [h,
   * w, out, in]} as {@code [in, out, h, w]}.
   */
  private static float[] channelsFirst(Weight w) {
    long[] s = w.shape();
    int h = (int) s[0];
    int wd = (int) s[1];
    int ci = (int) s[2];
    int co = (int) s[3];
    float[] from = w.values();
    float[] to = new float[from.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < wd; x++) {
        for (int i = 0; i < ci; i++) {
          for (int o = 0; o < co; o++) {
            to[((o * ci + i) * h + y) * wd + x] = from[((y * wd + x) * ci + i) * co + o];
          }
        }
      }
    }
    return to;
  }

  private String node(String type, String x, String w) {
    return node(type, List.of(x, w));
  }

  private String node(String type, List<String> inputs, OnnxGraph.Attr... attrs) {
    return onnx.node(type, node.name() + "." + type.toLowerCase(), inputs, attrs);
  }
}
