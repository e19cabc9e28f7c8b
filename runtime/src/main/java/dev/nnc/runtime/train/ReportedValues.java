package dev.nnc.runtime.train;

import java.util.List;
import java.util.stream.Stream;

/**
 * The names of what a run reports each epoch, as Keras names them: the columns of metrics.csv, which
 * are also what early stopping may monitor.
 */
public final class ReportedValues {
  public static final String VALIDATION_PREFIX = "val_";

  private ReportedValues() {}

  /** The loss and the metrics, in the order they are fetched. */
  public static List<String> names(List<String> metrics) {
    return Stream.concat(Stream.of("loss"), metrics.stream()).toList();
  }

  /** The columns after {@code epoch}: the training values, then, with validation data, the val_ ones. */
  public static List<String> columns(List<String> metrics, boolean validates) {
    return withValidation(names(metrics), validates);
  }

  /**
   * What a job that learns by acting reports: {@code episode_return} and {@code episode_length}
   * (means over the last 100 finished episodes), {@code epsilon} when it explores epsilon-greedily,
   * then its step's {@code values}.
   */
  public static List<String> acting(boolean epsilon, List<String> values) {
    return Stream.of(Stream.of("episode_return", "episode_length"), epsilon ? Stream.of("epsilon") : Stream.<String>empty(),
        values.stream()).flatMap(s -> s).toList();
  }

  /** {@code names}, then, with validation data, each with {@code val_} before it. */
  public static List<String> withValidation(List<String> names, boolean validates) {
    if (!validates) {
      return names;
    }
    return Stream.concat(names.stream(), names.stream().map(n -> VALIDATION_PREFIX + n)).toList();
  }
}
