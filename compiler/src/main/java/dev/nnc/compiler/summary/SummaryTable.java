package dev.nnc.compiler.summary;

import dev.nnc.compiler.lower.Ir;
import java.util.Locale;

/** The layer table of {@code nnc summary}, laid out as Keras's {@code model.summary()}. */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(Ir.Graph model) {
    int nameWidth = 28;
    int shapeWidth = 26;
    for (Ir.Node node : model.nodes()) {
      nameWidth = Math.max(nameWidth, node.name().length() + node.opName().length() + 4);
      shapeWidth = Math.max(shapeWidth, node.type().shape().toString().length() + 2);
    }
    String rule = "-".repeat(nameWidth + shapeWidth + 12);
    StringBuilder s = new StringBuilder();
    s.append("Model: \"").append(model.model()).append("\"\n").append(rule).append('\n');
    s.append(line(nameWidth, shapeWidth, "Layer (type)", "Output Shape", "Param #"));
    s.append(rule.replace('-', '=')).append('\n');
    for (Ir.Tensor input : model.inputs()) {
      s.append(line(nameWidth, shapeWidth, input.name() + " (input)", input.type().shape().toString(), "0"));
    }
    for (Ir.Node node : model.nodes()) {
      s.append(line(nameWidth, shapeWidth, node.name() + " (" + node.opName() + ")",
          node.type().shape().toString(), count(node.params())));
    }
    s.append(rule.replace('-', '=')).append('\n');
    s.append("Total params: ").append(count(model.trainable() + model.nonTrainable())).append('\n');
    s.append("Trainable params: ").append(count(model.trainable())).append('\n');
    s.append("Non-trainable params: ").append(count(model.nonTrainable())).append('\n');
    return s.toString();
  }

  private static String line(int nameWidth, int shapeWidth, String name, String shape, String params) {
    return String.format(Locale.ROOT, "%-" + nameWidth + "s%-" + shapeWidth + "s%12s%n", name, shape, params);
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
