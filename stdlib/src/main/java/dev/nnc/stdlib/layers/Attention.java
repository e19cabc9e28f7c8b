package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;
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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code attention(heads, key_dim, value_dim: key_dim, context: none, causal: false, dropout: 0,
 * bias: true)}: Keras's MultiHeadAttention on {@code float[batch, s, d]}, over the input itself or,
 * with {@code context: memory} ({@code float[batch, t, e]}), over that (cross-attention: queries from
 * the input, keys and values from the context). {@code causal: true} lets position i see positions
 * up to i only; {@code dropout} drops attention probabilities while training. The output has the
 * input's shape. Weights in Keras's names and layout: {@code query_kernel [d, heads, key_dim]},
 * {@code key_kernel [e, heads, key_dim]}, {@code value_kernel [e, heads, value_dim]}, their biases
 * {@code [heads, key_dim]}, and {@code output_kernel [heads, value_dim, d]}, {@code output_bias [d]}
 * — 16,640 numbers for d = 64 and 4 heads of 16, as PyTorch's {@code nn.MultiheadAttention(64, 4)}.
 */
public final class Attention extends TensorOpDefinition {
  /** The default of {@code value_dim}: the key size. */
  private static final String KEY_DIM = "key_dim";
  /** The default of {@code context}: attend over the input itself. */
  private static final String SELF = "none";

  private static final Signature SIGNATURE = Signature.of(1,
      required("heads", ParamType.SIZE),
      required("key_dim", ParamType.SIZE),
      optional("value_dim", ParamType.SIZE, KEY_DIM),
      named("context", ParamType.TENSOR, SELF),
      named("causal", ParamType.BOOL, false),
      named("dropout", ParamType.RATE, 0.0),
      named("bias", ParamType.BOOL, true));

  public Attention() {
    super("attention", Kind.LAYER,
        "Multi-head attention (Keras's MultiHeadAttention) over the input, or over `context:` (cross-attention).",
        SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank("attention", x, 3, "[batch, positions, features]",
        "attention takes one vector per position: reshape or flatten the positions into one axis");
    Shapes.knownLast("attention", x);
    TensorType context = context(args, x);
    if (context != x) {
      if (context.rank() != 3) {
        throw new ShapeException("attention's context must be [batch, positions, features] as its input " + x
            + " is, found " + context, "give a context of rank 3; it may have another length and width");
      }
      if (!context.shape().dim(0).equals(x.shape().dim(0))) {
        throw new ShapeException("attention's context " + context + " has another batch than its input " + x,
            "axis 0 is " + context.shape().dim(0) + " in the context and " + x.shape().dim(0) + " in the input");
      }
      Shapes.knownLast("attention's context", context);
    }
    return x;
  }

  /** The tensor the keys and values come from: {@code context:} when given, else the input. */
  public static TensorType context(Args args, TensorType input) {
    return args.isGiven("context") ? (TensorType) args.get("context") : input;
  }

  /** {@code value_dim}, the key size unless given. */
  public static long valueDim(Args args) {
    return args.isGiven("value_dim") ? args.integer("value_dim") : args.integer("key_dim");
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long d = inputs.get(0).shape().last().sizeOr(-1);
    long e = context(args, inputs.get(0)).shape().last().sizeOr(-1);
    long heads = args.integer("heads");
    long key = args.integer("key_dim");
    long value = valueDim(args);
    boolean bias = args.bool("bias");
    List<WeightSpec> weights = new ArrayList<>();
    projection(weights, "query", TensorShape.of(d, heads, key), bias);
    projection(weights, "key", TensorShape.of(e, heads, key), bias);
    projection(weights, "value", TensorShape.of(e, heads, value), bias);
    weights.add(new WeightSpec("output_kernel", TensorShape.of(heads, value, d), true, "glorot_uniform"));
    if (bias) {
      weights.add(new WeightSpec("output_bias", TensorShape.of(d), true, "zeros"));
    }
    return weights;
  }

  private static void projection(List<WeightSpec> weights, String name, TensorShape kernel, boolean bias) {
    weights.add(new WeightSpec(name + "_kernel", kernel, true, "glorot_uniform"));
    if (bias) {
      List<Dim> perHead = kernel.dims().subList(1, 3);
      weights.add(new WeightSpec(name + "_bias", new TensorShape(perHead), true, "zeros"));
    }
  }
}
