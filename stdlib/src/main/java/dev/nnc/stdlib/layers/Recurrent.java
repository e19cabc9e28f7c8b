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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code rnn}, {@code lstm} and {@code gru} over {@code [seq, features]}, as Keras's SimpleRNN, LSTM
 * and GRU (with {@code reset_after}): the same weights, gate order and parameter counts. The sequence
 * needs a fixed length, since the graph unrolls over it (RecurrentGraph).
 *
 * <p>With {@code states: true} a use gives a record, Keras's {@code return_state}: {@link #OUT} (the
 * result as without it), the final hidden state {@link #H} and, for an LSTM, the cell state
 * {@link #C}. {@code initial:} (Keras's {@code initial_state}, PyTorch's {@code h_0, c_0}) starts
 * the layer from given states instead of zeros: its tensors are further inputs after the sequence,
 * {@code [batch, units]} each, h then c.
 */
public final class Recurrent extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(
          1,
          required("units", ParamType.SIZE),
          named("sequences", ParamType.BOOL, false),
          named("stateful", ParamType.BOOL, false),
          named("states", ParamType.BOOL, false),
          named("initial", ParamType.TENSORS, List.of()));

  /** The names of a {@code states: true} record's members. */
  public static final String OUT = "out";
  public static final String H = "h";
  public static final String C = "c";

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
    initialStates(args, x, inputs.subList(1, inputs.size()), units);
    TensorShape out = args.bool("sequences")
        ? TensorShape.of(x.shape().dim(0), seq, units)
        : TensorShape.of(x.shape().dim(0), units);
    return x.withShape(out);
  }

  /** The states a use starts from must be one per state of this kind, each {@code [batch, units]}. */
  private void initialStates(Args args, TensorType x, List<TensorType> states, Dim units) throws ShapeException {
    if (states.isEmpty()) {
      return;
    }
    List<String> names = stateNames();
    String call = name() + "(" + units + ")";
    if (args.bool("stateful")) {
      throw new ShapeException(call + " is both stateful and given `initial:` states",
          "`stateful: true` starts each batch from the last one's states, `initial:` from the states given: choose one");
    }
    if (states.size() != names.size()) {
      throw new ShapeException(call + " starts from " + names.size() + " state" + (names.size() == 1 ? "" : "s")
              + " (" + String.join(", ", names) + "), found " + states.size() + " in `initial:`",
          this == LSTM
              ? "give `initial: enc` of an lstm with `states: true`, or `initial: [h, c]`"
              : "give `initial: enc` of a " + name() + " or gru with `states: true`, or `initial: h`");
    }
    TensorShape wanted = TensorShape.of(x.shape().dim(0), units);
    for (int i = 0; i < states.size(); i++) {
      TensorType state = states.get(i);
      if (!state.shape().equals(wanted) || state.element() != x.element()) {
        throw new ShapeException("the initial state `" + names.get(i) + "` of " + call + " must be "
                + x.withShape(wanted) + ", found " + state,
            "a layer starts from states as wide as its units: give the encoder and the decoder the same units");
      }
    }
  }

  /** The states of this kind of layer, in the order {@code initial:} takes them: h, and an LSTM's c. */
  private List<String> stateNames() {
    return this == LSTM ? List.of(H, C) : List.of(H);
  }

  @Override
  public Map<String, TensorType> results(Args args, List<TensorType> inputs) throws ShapeException {
    if (!args.bool("states")) {
      return Map.of();
    }
    TensorType x = inputs.get(0);
    Map<String, TensorType> results = new LinkedHashMap<>();
    results.put(OUT, outputType(args, inputs));
    TensorType state = x.withShape(TensorShape.of(x.shape().dim(0), Dim.of(args.integer("units"))));
    stateNames().forEach(n -> results.put(n, state));
    return results;
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
