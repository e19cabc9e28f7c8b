package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The graph of a training job: a placeholder per data field, the model, the loss (with the weight
 * penalty, if any) and metrics, the scalars fed to the optimizer, and the ops of a training step.
 */
final class TrainingGraph {
  private final List<FieldFeed> feeds;
  private final Map<String, Operand<?>> inputs;
  private final Map<String, Operand<?>> outputs;
  private final List<Operand<TFloat32>> lossAndMetrics;
  private final Operand<TBool> training;
  private final Operand<TInt64> step;
  private final OptimizerInputs optimizerInputs;
  private final TrainOps trainOps;
  private final Optional<WeightStore> weightStore;
  private final Operand<TBool> weightsFinite;
  private final List<Net.Carried> carried;

  private TrainingGraph(List<FieldFeed> feeds, Map<String, Operand<?>> inputs,
      Map<String, Operand<?>> outputs, List<Operand<TFloat32>> lossAndMetrics,
      Operand<TBool> training, Operand<TInt64> step, OptimizerInputs optimizerInputs,
      TrainOps trainOps, Optional<WeightStore> weightStore, Operand<TBool> weightsFinite,
      List<Net.Carried> carried) {
    this.feeds = feeds;
    this.inputs = inputs;
    this.outputs = outputs;
    this.lossAndMetrics = lossAndMetrics;
    this.training = training;
    this.step = step;
    this.optimizerInputs = optimizerInputs;
    this.trainOps = trainOps;
    this.weightStore = weightStore;
    this.weightsFinite = weightsFinite;
    this.carried = carried;
  }

  /** The scope the model is built in: its weights are saved as {@code model.<layer>...}. */
  static final String MODEL_SCOPE = "model";

  static TrainingGraph build(Graph graph, TrainSpec spec, long seed) {
    return build(Net.root(graph, seed), spec);
  }

  /** The job's graph built in {@code net}, a root context, which then holds its weights (the model's under "model/"). */
  static TrainingGraph build(Net net, TrainSpec spec) {
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
        declaredOutputs(spec, spec.model().build(net.scope(MODEL_SCOPE), inputs));

    Map<String, Operand<?>> values = new LinkedHashMap<>(outputs);
    feedsByField.forEach((name, feed) -> values.put(name, feed.placeholder()));
    List<Operand<TFloat32>> lossAndMetrics = new ArrayList<>();
    lossAndMetrics.add(loss(net, spec, values));
    Net metricsNet = net.scope("metrics");
    for (Metric metric : spec.metrics()) {
      Operand<TFloat32> value = metric.value().build(metricsNet.scope(metric.name()), values);
      if (metric.aggregation() == Metric.Aggregation.RATIO) {
        lossAndMetrics.addAll(net.tf().unstack(value, 2L).output());
      } else {
        lossAndMetrics.add(mean(net, value));
      }
    }

    List<Operand<TFloat32>> fetches = List.copyOf(lossAndMetrics);
    OptimizerInputs optimizerInputs = optimizerInputs(net.tf().withSubScope("optimizer"), net.step());
    Optional<WeightStore> weightStore = spec.stop().filter(EarlyStopping::restoreBest)
        .map(stop -> WeightStore.build(net));
    return new TrainingGraph(List.copyOf(feedsByField.values()), inputs, outputs, fetches,
        net.training(), net.step(), optimizerInputs,
        TrainOps.build(net, spec, fetches, optimizerInputs), weightStore,
        allFinite(net.tf().withSubScope("weights_finite"), net.weights()), net.carried());
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

  /**
   * The scalars fetched every step: the loss first, then each metric, a ratio as its numerator and
   * its denominator.
   */
  List<Operand<TFloat32>> lossAndMetrics() {
    return lossAndMetrics;
  }

  /** The flag fed true during training steps; it defaults to false. */
  Operand<TBool> training() {
    return training;
  }

  /** The number of the running step, counting from 0, fed with every training step. */
  Operand<TInt64> step() {
    return step;
  }

  /** The learning rate fed with every training step, and the step number the optimizer sees. */
  OptimizerInputs optimizerInputs() {
    return optimizerInputs;
  }

  TrainOps trainOps() {
    return trainOps;
  }

  /** The states stateful layers carry from one training step to the next. */
  List<Net.Carried> carried() {
    return carried;
  }

  /** Present when early stopping restores the best weights. */
  Optional<WeightStore> weightStore() {
    return weightStore;
  }

  /** True when no weight holds a NaN or an infinity: checked before a checkpoint is written. */
  Operand<TBool> weightsFinite() {
    return weightsFinite;
  }

  /** The mean loss, plus the weight penalty: as in Keras, the reported loss includes it. */
  private static Operand<TFloat32> loss(Net net, TrainSpec spec, Map<String, Operand<?>> values) {
    Net lossNet = net.scope("loss");
    Operand<TFloat32> loss = mean(net, spec.loss().build(lossNet, values));
    if (spec.regularize().isEmpty()) {
      return loss;
    }
    Ops tf = lossNet.tf().withSubScope("penalty");
    return net.tf().math.add(loss, PenaltyTerm.build(tf, spec.regularize().get(), net.weights()));
  }

  /** The fed learning rate, and the step counting from 1 (Keras's {@code iterations + 1}). */
  private static OptimizerInputs optimizerInputs(Ops tf, Operand<TInt64> step) {
    return new OptimizerInputs(
        tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar())),
        tf.withName("step").dtypes.cast(tf.math.add(step, tf.constant(1L)), TFloat32.class));
  }

  /** True when none of {@code weights} holds a NaN or an infinity (true when there are none). */
  static Operand<TBool> allFinite(Ops tf, List<Net.Weight> weights) {
    if (weights.isEmpty()) {
      return tf.constant(true);
    }
    List<Operand<TBool>> finite = new ArrayList<>();
    for (Net.Weight weight : weights) {
      Operand<TBool> each = tf.math.isFinite(tf.reshape(weight.read(), tf.constant(new long[] {-1})));
      finite.add(tf.reduceAll(each, tf.constant(0)));
    }
    return tf.reduceAll(tf.stack(finite), tf.constant(0));
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
