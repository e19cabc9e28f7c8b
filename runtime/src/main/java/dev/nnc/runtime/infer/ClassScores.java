package dev.nnc.runtime.infer;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A classifier's output for one record as the probability of each class: the values themselves
 * when the model ends in a softmax or a sigmoid, otherwise the softmax of the logits.
 */
public record ClassScores(List<String> classes, float[] probabilities) {
  /** One class: its number (the label value), its name, and its probability. */
  public record Score(int label, String name, float probability) {}

  /** The scores of {@code values}, what {@code output} (a classifier output) gave for one record. */
  public static ClassScores of(ModelInfo.Tensor output, float[] values) {
    if (values.length != output.vocabulary().size()) {
      throw new InferenceException("output " + output.name() + " gave " + values.length + " values for "
          + output.vocabulary().size() + " classes");
    }
    return new ClassScores(output.vocabulary(), output.probabilities() ? values.clone() : toFloats(softmax(values, 1)));
  }

  /** The {@code k} most probable classes, most probable first (the lower label first on a tie). */
  public List<Score> top(int k) {
    return IntStream.range(0, probabilities.length).boxed()
        .sorted(Comparator.comparingDouble((Integer c) -> -probabilities[c]).thenComparingInt(c -> c))
        .limit(k)
        .map(c -> new Score(c, classes.get(c), probabilities[c]))
        .toList();
  }

  /**
   * softmax(logits / temperature), the largest logit subtracted first so that no exponential
   * overflows; as the temperature nears 0 all the probability goes to the arg-max.
   */
  static double[] softmax(float[] logits, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double[] probabilities = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] = Math.exp((logits[i] - max) / temperature);
      sum += probabilities[i];
    }
    for (int i = 0; i < logits.length; i++) {
      probabilities[i] /= sum;
    }
    return probabilities;
  }

  private static float[] toFloats(double[] values) {
    float[] floats = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      floats[i] = (float) values[i];
    }
    return floats;
  }
}
