package dev.nnc.cli;

import com.google.gson.GsonBuilder;
import dev.nnc.runtime.infer.ClassScores;
import dev.nnc.runtime.infer.ModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What {@code nnc predict} prints: a line per record, or a JSON array with every value. */
final class Predictions {
  /** The values each output gave for one record, by output name; {@code source} says where the record came from. */
  record Prediction(String source, Map<String, float[]> outputs) {}

  /** Outputs with more values than this print as a summary; {@code --json} prints them whole. */
  private static final int LISTED = 10;

  private Predictions() {}

  /**
   * {@code shirt.png: Shirt (6) 0.871, T-shirt/top (0) 0.090, Pullover (2) 0.021}: the {@code top}
   * classes of a classifier output, or an output's values; one line per output when there are several.
   */
  static String text(ModelInfo info, List<Prediction> predictions, int top) {
    StringBuilder text = new StringBuilder();
    for (Prediction prediction : predictions) {
      text.append(prediction.source()).append(':');
      for (ModelInfo.Tensor output : info.outputs()) {
        String described = describe(output, prediction.outputs().get(output.name()), top);
        text.append(info.outputs().size() == 1 ? " " + described : "\n  " + output.name() + ": " + described);
      }
      text.append('\n');
    }
    return text.toString();
  }

  private static String describe(ModelInfo.Tensor output, float[] values, int top) {
    if (output.scoresClasses()) {
      return ClassScores.of(output, values).top(top).stream()
          .map(s -> String.format(Locale.ROOT, "%s %.3f",
              s.name().equals(Integer.toString(s.label())) ? s.name() : s.name() + " (" + s.label() + ")", s.probability()))
          .collect(Collectors.joining(", "));
    }
    if (values.length <= LISTED) {
      List<String> listed = new ArrayList<>();
      for (float v : values) {
        listed.add(String.format(Locale.ROOT, "%.4f", v));
      }
      return "[" + String.join(", ", listed) + "]";
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return String.format(Locale.ROOT, "%s, mean %.4f, min %.4f, max %.4f (--json prints every value)",
        output.typeDescription(), sum / values.length, min, max);
  }

  /**
   * {@code [{"input": "shirt.png", "outputs": {"logits": {"top": [{"label": 6, "name": "Shirt",
   * "probability": 0.871}, ...], "probabilities": [...]}}}]}: the {@code top} classes of a
   * classifier output and every class's probability; an output that scores no classes gives its values.
   */
  static String json(ModelInfo info, List<Prediction> predictions, int top) {
    List<Object> records = new ArrayList<>();
    for (Prediction prediction : predictions) {
      Map<String, Object> outputs = new LinkedHashMap<>();
      for (ModelInfo.Tensor output : info.outputs()) {
        float[] values = prediction.outputs().get(output.name());
        if (output.scoresClasses()) {
          ClassScores scores = ClassScores.of(output, values);
          Map<String, Object> scored = new LinkedHashMap<>();
          scored.put("top", scores.top(top));
          scored.put("probabilities", scores.probabilities());
          outputs.put(output.name(), scored);
        } else {
          outputs.put(output.name(), values);
        }
      }
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("input", prediction.source());
      record.put("outputs", outputs);
      records.add(record);
    }
    return new GsonBuilder().serializeSpecialFloatingPointValues().create().toJson(records) + "\n";
  }
}
