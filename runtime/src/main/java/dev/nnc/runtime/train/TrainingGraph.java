package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The graph of a training job: a placeholder per data field, the model, the loss and metrics, and
 * the ops of a training step.
 */
final class TrainingGraph {
  private final List<FieldFeed> feeds;
  private final Map<String, Operand<?>> inputs;
  private final Map<String, Operand<?>> outputs;
  private final List<Operand<TFloat32>> lossAndMetrics;
  private final Operand<TBool> training;
  private final TrainOps trainOps;

  private TrainingGraph(List<FieldFeed> feeds, Map<String, Operand<?>> inputs,
      Map<String, Operand<?>> outputs, List<Operand<TFloat32>> lossAndMetrics,
      Operand<TBool> training, TrainOps trainOps) {
    this.feeds = feeds;
    this.inputs = inputs;
    this.outputs = outputs;
    this.lossAndMetrics = lossAndMetrics;
    this.training = training;
    this.trainOps = trainOps;
  }

  static TrainingGraph build(Graph graph, TrainSpec spec, long seed) {
    Net net = Net.root(graph, seed);
    Ops dataOps = net.tf().withSubScope("data");
    Map<String, FieldFeed> feedsByField = new LinkedHashMap<>();
    for (Field field : spec.data().fields()) {
      feedsByField.put(field.name(), FieldFeed.create(dataOps, field));
    }
    Map<String, Operand<?>> inputs = new LinkedHashMap<>();
    for (Field input : spec.inputs()) {
      inputs.put(input.name(), feedsByField.get(spec.fieldFor(input.name())).placeholder());
    }
    Map<String, Operand<?>> outputs =
        declaredOutputs(spec, spec.model().build(net.scope("model"), inputs));

    Map<String, Operand<?>> values = new LinkedHashMap<>(outputs);
    feedsByField.forEach((name, feed) -> values.put(name, feed.placeholder()));
    List<Operand<TFloat32>> lossAndMetrics = new ArrayList<>();
    lossAndMetrics.add(mean(net, spec.loss().build(net.scope("loss"), values)));
    Net metricsNet = net.scope("metrics");
    for (Metric metric : spec.metrics()) {
      lossAndMetrics.add(mean(net, metric.value().build(metricsNet.scope(metric.name()), values)));
    }

    List<Operand<TFloat32>> fetches = List.copyOf(lossAndMetrics);
    return new TrainingGraph(List.copyOf(feedsByField.values()), inputs, outputs, fetches,
        net.training(), TrainOps.build(net, spec, fetches));
  }

  /** Every data field's feed; the trainer feeds them all, every step. */
  List<FieldFeed> feeds() {
    return feeds;
  }

  /** The placeholders feeding the model, by model input name. */
  Map<String, Operand<?>> inputs() {
    return inputs;
  }

  /** The model's outputs, by name in declaration order. */
  Map<String, Operand<?>> outputs() {
    return outputs;
  }

  /** The loss first, then each metric: the scalars fetched every step. */
  List<Operand<TFloat32>> lossAndMetrics() {
    return lossAndMetrics;
  }

  /** The flag fed true during training steps; it defaults to false. */
  Operand<TBool> training() {
    return training;
  }

  TrainOps trainOps() {
    return trainOps;
  }

  /** The model function's outputs in declaration order, checked to hold every declared output. */
  private static Map<String, Operand<?>> declaredOutputs(
      TrainSpec spec, Map<String, Operand<?>> built) {
    Map<String, Operand<?>> outputs = new LinkedHashMap<>();
    for (String name : spec.outputs()) {
      Operand<?> output = built.get(name);
      if (output == null) {
        throw new TrainException("job " + spec.jobName() + ": the model built outputs "
            + built.keySet() + " but declares " + spec.outputs());
      }
      outputs.put(name, output);
    }
    return outputs;
  }

  /** The mean of {@code value} over all its dimensions: a per-example loss still gives one figure. */
  private static Operand<TFloat32> mean(Net net, Operand<TFloat32> value) {
    int rank = value.shape().numDimensions();
    if (rank <= 0) {
      return value;
    }
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return net.tf().math.mean(value, net.tf().constant(axes));
  }
}
