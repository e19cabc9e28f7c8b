package dev.nnc.runtime.infer;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.train.ModelFunction;
import java.util.Objects;

/**
 * A {@code sample} job as declared: the model (built from its generated class) and its int sequence
 * input of {@code window} characters a record, the directory of its exported weights, the prime
 * text, how many characters to generate, the temperature and the seed.
 */
public record SampleSpec(String jobName, ModelFunction model, String input, int window, String from, String prime,
    int length, double temperature, long seed) {
  public SampleSpec {
    Objects.requireNonNull(model, "model");
    if (window <= 0 || length <= 0 || !(temperature > 0) || prime.isEmpty()) {
      throw new IllegalArgumentException("sample " + jobName + ": window, length and temperature must be positive"
          + " and the prime not empty");
    }
  }

  /** The model's input as the sampler feeds it: {@code window} character indices a record. */
  public Field inputField() {
    return Field.ints(input, window);
  }

  /** This job generating {@code length} characters from {@code seed} instead. */
  public SampleSpec with(long seed, int length) {
    return new SampleSpec(jobName, model, input, window, from, prime, length, temperature, seed);
  }
}
