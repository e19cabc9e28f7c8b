package dev.nnc.compiler.summary;

import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.check.Row;
import dev.nnc.stdlib.spec.TensorType;
import java.util.Locale;
import java.util.Map;

/** The layer table of {@code nnc summary}, laid out as Keras's {@code model.summary()}. */
public final class SummaryTable {
  private SummaryTable() {}

  public static String render(ModelInstance model) {
    int nameWidth = 28;
    int shapeWidth = 26;
    for (Row row : model.rows()) {
      nameWidth = Math.max(nameWidth, row.name().length() + row.type().length() + 4);
      shapeWidth = Math.max(shapeWidth, row.output().shape().toString().length() + 2);
    }
    String rule = "-".repeat(nameWidth + shapeWidth + 12);
    StringBuilder s = new StringBuilder();
    s.append("Model: \"").append(model.decl().name().name()).append("\"\n").append(rule).append('\n');
    s.append(line(nameWidth, shapeWidth, "Layer (type)", "Output Shape", "Param #"));
    s.append(rule.replace('-', '=')).append('\n');
    for (Map.Entry<String, TensorType> input : model.inputs().entrySet()) {
      s.append(line(nameWidth, shapeWidth, input.getKey() + " (input)", input.getValue().shape().toString(), "0"));
    }
    for (Row row : model.rows()) {
      s.append(line(nameWidth, shapeWidth, row.name() + " (" + row.type() + ")",
          row.output().shape().toString(), count(row.params())));
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
