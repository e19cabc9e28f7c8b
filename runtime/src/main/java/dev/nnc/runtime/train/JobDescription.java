package dev.nnc.runtime.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the compiler knows of a job that its {@link TrainSpec} does not carry, for the run's
 * {@code report.html}: the model's layer table (as {@code nnc summary} prints it), the job's settings
 * as written, and, for a classifier, which output holds its logits and which data field its
 * integer labels. A job run without the compiler has none of these ({@link #none()}).
 */
public record JobDescription(String modelSummary, Map<String, String> settings, Optional<Classifier> classifier) {
  /** A classifier's {@code output} of {@code classes} logits per record and its integer {@code label} field. */
  public record Classifier(String output, String label, int classes) {
    public Classifier {
      if (classes < 2) {
        throw new IllegalArgumentException("a classifier has at least 2 classes, not " + classes);
      }
    }
  }

  public JobDescription {
    Objects.requireNonNull(modelSummary, "modelSummary");
    settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    Objects.requireNonNull(classifier, "classifier");
  }

  public static JobDescription none() {
    return new JobDescription("", Map.of(), Optional.empty());
  }
}
