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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rnn}, {@code lstm} and {@code gru} over {@code [seq, features]}, as Keras's SimpleRNN, LSTM
 * and GRU (with {@code reset_after}): the same weights, gate order and parameter counts. The sequence
 * needs a fixed length, since the graph unrolls over it (RecurrentGraph).
 */
public final class Recurrent extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("units", ParamType.SIZE),
          named("sequences", ParamType.BOOL, false),
          named("stateful", ParamType.BOOL, false));

  public static final Recurrent RNN = new Recurrent("rnn", "A fully connected recurrent layer: h = tanh(x W + h U + b).", 1);
  public static final Recurrent LSTM = new Recurrent("lstm", "Long short-term memory, gates i, f, c, o as Keras.", 4);
  public static final Recurrent GRU = new Recurrent("gru", "Gated recurrent unit, gates z, r, h as Keras (reset after).", 3);

  /** How many blocks of {@code units} columns the kernels have: one per gate. */
  private final int gates;

  private Recurrent(String name, String doc, int gates) {
    super(name, Kind.LAYER, doc, SIGNATURE);
    this.gates = gates;
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank(name(), x, 3, "[batch, seq, features]",
        "give each record a sequence shape [seq, features], e.g. `reshape([28, 28])`");
    Shapes.knownLast(name(), x);
    Dim seq = x.shape().dim(1);
    if (!seq.isKnown()) {
      throw new ShapeException(name() + " unrolls over the sequence, so it needs a fixed length; found " + x,
          "give the sequence axis a size");
    }
    Dim units = Dim.of(args.integer("units"));
    TensorShape out = args.bool("sequences")
        ? TensorShape.of(x.shape().dim(0), seq, units)
        : TensorShape.of(x.shape().dim(0), units);
    return x.withShape(out);
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long features = inputs.get(0).shape().last().sizeOr(-1);
    long units = args.integer("units");
    List<WeightSpec> weights = new ArrayList<>();
    weights.add(new WeightSpec("kernel", TensorShape.of(features, gates * units), true, "glorot_uniform"));
    weights.add(new WeightSpec("recurrent_kernel", TensorShape.of(units, gates * units), true, "orthogonal"));
    weights.add(new WeightSpec("bias", TensorShape.of(gates * units), true, this == LSTM ? "unit_forget_bias" : "zeros"));
    if (this == GRU) {
      // Keras's GRU with reset_after keeps a second bias for the recurrent product.
      weights.add(new WeightSpec("recurrent_bias", TensorShape.of(gates * units), true, "zeros"));
    }
    return weights;
  }
}
