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
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/**
 * The graph of a declarative training job, desugared into the step form: a placeholder per data
 * field, the model applied to them, and a step of one {@code minimize} of the loss (with the weight
 * penalty, if any) with the job's optimizer, after reports of the loss and of each metric (a ratio
 * as its numerator and denominator), planned by {@link StepPlanner} as any step is.
 */
final class TrainingGraph {
  /** The model "minimize" trains: its weights are those under {@link #MODEL_SCOPE}. */
  private static final String MODEL = "model";

  private final StepPlan plan;
  private final Map<String, Operand<?>> inputs;
  private final Map<String, Operand<?>> outputs;
  private final Optional<WeightStore> weightStore;
  private final Operand<TBool> weightsFinite;

  private TrainingGraph(StepPlan plan, Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs,
      Optional<WeightStore> weightStore, Operand<TBool> weightsFinite) {
    this.plan = plan;
    this.inputs = inputs;
    this.outputs = outputs;
    this.weightStore = weightStore;
    this.weightsFinite = weightsFinite;
  }

  /** The scope the model is built in: its weights are saved as {@code model.<layer>...}. */
  static final String MODEL_SCOPE = MODEL;

  static TrainingGraph build(Graph graph, TrainSpec spec, long seed) {
    return build(graph, spec, seed, Replication.NONE);
  }

  /** The job's graph with the model replicated as {@code replication} says ({@link ReplicatedStep}). */
  static TrainingGraph build(Graph graph, TrainSpec spec, long seed, Replication replication) {
    return build(Net.root(graph, seed), spec, replication);
  }

  /** The job's graph built in {@code net}, a root context, which then holds its weights (the model's under "model/"). */
  static TrainingGraph build(Net net, TrainSpec spec) {
    return build(net, spec, Replication.NONE);
  }

  private static TrainingGraph build(Net net, TrainSpec spec, Replication replication) {
    Ops dataOps = net.tf().withSubScope("data");
    Map<String, FieldFeed> feedsByField = new LinkedHashMap<>();
    Map<String, Operand<?>> fields = new LinkedHashMap<>();
    for (Field field : spec.data().fields()) {
      FieldFeed feed = FieldFeed.create(dataOps, field);
      feedsByField.put(field.name(), feed);
      fields.put(field.name(), feed.placeholder());
    }
    Map<String, Operand<?>> inputs = modelInputs(spec, fields);
    // One device: the step's application of the model is the one exported. Several: each replica
    // applies it to its slice, and one more application on the whole batch serves the export.
    List<Map<String, Operand<?>>> applied = new ArrayList<>();
    List<StepBuilder.Action> step = ReplicatedStep.build(net, replication, fields, (device, slice) -> {
      Net model = net.weightsOf(MODEL).isEmpty() ? net.scope(MODEL_SCOPE) : net.application(MODEL);
      Map<String, Operand<?>> outputs = declaredOutputs(spec,
          spec.model().build(device.map(model::onDevice).orElse(model), modelInputs(spec, slice)));
      applied.add(outputs);
      return replicaStep(device.map(net::onDevice).orElse(net), spec, outputs, slice, !replication.replicated());
    });
    // Averaged over the workers first, then clipped: as one process clips the whole batch's gradients.
    GradientTransform transform = replication.gradients()
        .andThen(spec.clip().<GradientTransform>map(ClipGradients::new).orElse(GradientTransform.none()));
    // The penalty is in the loss already: the reported loss includes it, as in Keras.
    StepPlan plan = new StepPlanner(net, spec.jobName(), transform, Optional.empty())
        .plan(step, List.copyOf(feedsByField.values()), net.carried());
    Map<String, Operand<?>> outputs = !replication.replicated() ? applied.get(0)
        : declaredOutputs(spec, spec.model().build(net.application(MODEL), inputs));
    Optional<WeightStore> weightStore = spec.stop().filter(EarlyStopping::restoreBest)
        .map(stop -> WeightStore.build(net));
    return new TrainingGraph(plan, inputs, outputs, weightStore,
        allFinite(net.tf().withSubScope("weights_finite"), net.weights()));
  }

  /** The model's inputs among {@code fields}, by model input name. */
  private static Map<String, Operand<?>> modelInputs(TrainSpec spec, Map<String, Operand<?>> fields) {
    Map<String, Operand<?>> inputs = new LinkedHashMap<>();
    for (Field input : spec.inputs()) {
      inputs.put(input.name(), fields.get(spec.fieldFor(input.name())));
    }
    return inputs;
  }

  /**
   * The step on one batch (or a replica's slice): {@code report loss}, a report per metric, then
   * {@code minimize model: loss}; {@code everyUpdate} runs all of the model's update ops with it.
   */
  private static List<StepBuilder.Action> replicaStep(Net net, TrainSpec spec, Map<String, Operand<?>> outputs,
      Map<String, Operand<?>> fields, boolean everyUpdate) {
    Map<String, Operand<?>> values = new LinkedHashMap<>(outputs);
    values.putAll(fields);
    Operand<TFloat32> loss = loss(net, spec, values);
    List<StepBuilder.Action> step = new ArrayList<>();
    step.add(new StepBuilder.Action.Report("loss", loss, Metric.Aggregation.MEAN));
    Net metricsNet = net.scope("metrics");
    for (Metric metric : spec.metrics()) {
      Operand<TFloat32> value = metric.value().build(metricsNet.scope(metric.name()), values);
      step.add(new StepBuilder.Action.Report(metric.name(),
          metric.aggregation() == Metric.Aggregation.RATIO ? value : mean(net, value), metric.aggregation()));
    }
    step.add(new StepBuilder.Action.Minimize(List.of(MODEL), loss, spec.optimizer(), "the loss", everyUpdate));
    return step;
  }

  /** The step's one session run and what it reports: the loss, then each metric. */
  StepPlan plan() {
    return plan;
  }

  /** The placeholders feeding the model, by model input name. */
  Map<String, Operand<?>> inputs() {
    return inputs;
  }

  /** The model's outputs, by name in declaration order. */
  Map<String, Operand<?>> outputs() {
    return outputs;
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
