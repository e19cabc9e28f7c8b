package dev.nnc.compiler.onnx;

import static dev.nnc.compiler.onnx.OnnxGraph.Attr.i;
import static dev.nnc.compiler.onnx.OnnxGraph.Attr.ints;

import dev.nnc.compiler.lower.Ir;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import dev.nnc.runtime.infer.ExportedWeights.Weight;
import java.util.function.Function;

/**
 * {@code rnn}, {@code lstm} and {@code gru} as ONNX's RNN, LSTM and GRU: the weights go from
 * Keras's layout ({@code [in, gates * units]}, gates i f c o and z r h) to ONNX's ({@code [1,
 * gates * units, in]}, gates i o f c and z r h); a GRU with a recurrent bias is ONNX's
 * {@code linear_before_reset}. The sequence is fed time-major, as ONNX Runtime requires.
 */
final class Recurrent {
  private final OnnxGraph onnx;
  private final Ir.Node node;
  private final Args args;
  private final String op;
  private final Function<String, Weight> weights;

  Recurrent(OnnxGraph onnx, Ir.Node node, Args args, String op, Function<String, Weight> weights) {
    this.onnx = onnx;
    this.node = node;
    this.args = args;
    this.op = op;
    this.weights = weights;
  }

  String translate(String x) {
    if (args.bool("stateful")) {
      throw OnnxExport.unsupported(node, "a stateful layer carries its state between calls, which an ONNX graph does not");
    }
    int units = (int) args.integer("units");
    int gates = switch (op) {
      case "lstm" -> 4;
      case "gru" -> 3;
      default -> 1;
    };
    // Keras's gate order into ONNX's: LSTM i f c o -> i o f c.
    int[] order = op.equals("lstm") ? new int[] {0, 3, 1, 2} : gates == 3 ? new int[] {0, 1, 2} : new int[] {0};
    Weight kernel = weights.apply("kernel");
    Weight recurrent = weights.apply("recurrent_kernel");
    float[] bias = weights.apply("bias").values();
    float[] recurrentBias = op.equals("gru") ? weights.apply("recurrent_bias").values() : new float[bias.length];
    int features = (int) kernel.shape()[0];
    String w = onnx.floats(node.name() + ".W", new long[] {1, (long) gates * units, features},
        gatesTransposed(kernel.values(), features, units, order));
    String r = onnx.floats(node.name() + ".R", new long[] {1, (long) gates * units, units},
        gatesTransposed(recurrent.values(), units, units, order));
    float[] b = new float[2 * gates * units];
    System.arraycopy(reordered(bias, units, order), 0, b, 0, gates * units);
    System.arraycopy(reordered(recurrentBias, units, order), 0, b, gates * units, gates * units);
    String bs = onnx.floats(node.name() + ".B", new long[] {1, 2L * gates * units}, b);
    String timeMajor = onnx.node("Transpose", node.name() + ".time_major", List.of(x), ints("perm", 1, 0, 2));
    List<OnnxGraph.Attr> attrs = new java.util.ArrayList<>(List.of(i("hidden_size", units)));
    if (op.equals("gru")) {
      attrs.add(i("linear_before_reset", 1));
    }
    String type = op.equals("rnn") ? "RNN" : op.toUpperCase();
    List<String> out = onnx.node(type, node.name() + "." + op, List.of(timeMajor, w, r, bs), 2,
        attrs.toArray(OnnxGraph.Attr[]::new));
    if (args.bool("sequences")) {
      // Y is [time, directions, batch, units]: drop the direction, batch first again.
      String y = onnx.node("Squeeze", node.name() + ".squeeze", List.of(out.get(0), onnx.longs(node.name() + ".axis", 1)));
      return onnx.node("Transpose", node.name() + ".batch_major", List.of(y), ints("perm", 1, 0, 2));
    }
    return onnx.node("Squeeze", node.name() + ".squeeze", List.of(out.get(1), onnx.longs(node.name() + ".axis", 0)));
  }

  /** {@code [rows, gates * units]} as {@code [gates * units, rows]}, the gates in ONNX's order. */
  private static float[] gatesTransposed(float[] kernel, int rows, int units, int[] order) {
    int columns = order.length * units;
    float[] to = new float[kernel.length];
    for (int g = 0; g < order.length; g++) {
      for (int u = 0; u < units; u++) {
        int from = order[g] * units + u;
        for (int row = 0; row < rows; row++) {
          to[(g * units + u) * rows + row] = kernel[row * columns + from];
        }
      }
    }
    return to;
  }

  private static float[] reordered(float[] bias, int units, int[] order) {
    float[] to = new float[bias.length];
    for (int g = 0; g < order.length; g++) {
      System.arraycopy(bias, order[g] * units, to, g * units, units);
    }
    return to;
  }
}
