package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Dataset;
import dev.nnc.runtime.data.Field;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a {@link TrainSpec} must satisfy; each broken rule is a {@link TrainException}. */
final class SpecCheck {
  private final String jobName;

  SpecCheck(String jobName) {
    this.jobName = jobName;
  }

  void require(boolean condition, String problem) {
    if (!condition) {
      throw fail(problem);
    }
  }

  /** Outputs and metrics need distinct names, apart from the data fields they are built beside. */
  void outputs(List<String> outputs, List<Metric> metrics, Dataset data) {
    require(!outputs.isEmpty(), "the model has no outputs");
    requireUnique("model output", outputs);
    for (String output : outputs) {
      require(data.fields().stream().noneMatch(f -> f.name().equals(output)),
          "model output '" + output + "' has the name of a data field; rename one of them");
    }
    List<String> metricNames = metrics.stream().map(Metric::name).toList();
    requireUnique("metric", metricNames);
    require(!metricNames.contains("loss"), "a metric cannot be called 'loss'");
  }

  /** Early stopping must watch a value the run reports: the loss or a metric, maybe with val_. */
  void monitor(String monitor, List<Metric> metrics, boolean validates) {
    List<String> reported =
        ReportedValues.columns(metrics.stream().map(Metric::name).toList(), validates);
    require(reported.contains(monitor),
        "early stopping monitors '" + monitor + "', which is not reported; the values are " + reported);
  }

  /**
   * The data field that feeds each model input (the explicit feed, or the field of the input's
   * name), checked to exist and to match the input's type and shape.
   */
  Map<String, String> feeds(List<Field> inputs, Map<String, String> explicit, Dataset data) {
    requireUnique("model input", inputs.stream().map(Field::name).toList());
    for (String input : explicit.keySet()) {
      require(inputs.stream().anyMatch(f -> f.name().equals(input)),
          "feed for '" + input + "', which is not a model input; the inputs are " + inputs);
    }
    Map<String, String> feeds = new LinkedHashMap<>();
    for (Field input : inputs) {
      String fieldName = explicit.getOrDefault(input.name(), input.name());
      Field field = data.fields().stream()
          .filter(f -> f.name().equals(fieldName)).findFirst()
          .orElseThrow(() -> fail("model input '" + input.name() + "' has no data field '"
              + fieldName + "' to feed it; the training data has " + data.fields()));
      require(field.sameTypeAs(input),
          "model input '" + input.name() + "' is " + input.typeDescription() + " but data field '"
              + field.name() + "' is " + field.typeDescription());
      feeds.put(input.name(), fieldName);
    }
    return feeds;
  }

  /** Validation data is fed through the training data's placeholders, so it needs every field. */
  void validationFits(Dataset data, Dataset validation) {
    fits(data, validation, "the validation data");
  }

  /** So is the data {@code nnc eval} evaluates on. */
  void evaluationFits(Dataset data, Dataset evaluated) {
    fits(data, evaluated, "the data to evaluate on");
  }

  private void fits(Dataset data, Dataset other, String described) {
    for (Field field : data.fields()) {
      Field match = other.fields().stream()
          .filter(f -> f.name().equals(field.name())).findFirst()
          .orElseThrow(() -> fail(described + " has no field '" + field.name()
              + "' of the training data; it has " + other.fields()));
      require(match.sameTypeAs(field),
          "field '" + field.name() + "' is " + field.typeDescription()
              + " in the training data but " + match.typeDescription() + " in " + described);
    }
  }

  private void requireUnique(String kind, List<String> names) {
    Set<String> seen = new HashSet<>();
    for (String name : names) {
      require(seen.add(name), "two of the " + kind + "s are called '" + name + "'");
    }
  }

  private TrainException fail(String problem) {
    return new TrainException("job " + jobName + ": " + problem);
  }
}
