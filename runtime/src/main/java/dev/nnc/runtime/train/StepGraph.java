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
import org.tensorflow.types.TInt64;

/**
 * The graph of a job with a custom step, and the plan of the session runs one step takes
 * ({@link StepPlanner}).
 *
 * <p>Each model is first built on inputs of its own (placeholders, which its export serves); that
 * application creates its weights, and every application in the step or an {@code every} block shares
 * them.
 */
final class StepGraph {
  private final StepPlan plan;
  private final List<StepRun.Hook> hooks;
  private final Map<String, ModelGraph> models;
  private final List<WeightRestore> restores;
  private final Operand<TBool> weightsFinite;
  private final Optional<WeightStore> weightStore;
  private final Optional<Policy> policy;

  private StepGraph(StepPlan plan, List<StepRun.Hook> hooks, Map<String, ModelGraph> models,
      List<WeightRestore> restores, Operand<TBool> weightsFinite, Optional<WeightStore> weightStore,
      Optional<Policy> policy) {
    this.plan = plan;
    this.hooks = hooks;
    this.models = models;
    this.restores = restores;
    this.weightsFinite = weightsFinite;
    this.weightStore = weightStore;
    this.policy = policy;
  }

  /** A model built on its own inputs: what {@code export} serves. */
  record ModelGraph(Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs) {}

  /** What {@code act:} chooses from: the per-action values computed from an observation fed at {@code state}. */
  record Policy(Operand<?> state, Operand<TFloat32> values) {}

  static StepGraph build(Graph graph, StepSpec spec, long seed) {
    Net root = Net.root(graph, seed);
    Ops tf = root.tf();
    Map<String, ModelGraph> models = new LinkedHashMap<>();
    for (StepSpec.StepModel model : spec.models()) {
      models.put(model.name(), ownApplication(root, model));
    }
    List<WeightRestore> restores = new ArrayList<>();
    spec.restores().forEach((model, dir) -> restores.add(WeightRestore.build(root, model, dir)));
    Ops dataOps = tf.withSubScope("data");
    List<FieldFeed> feeds = new ArrayList<>();
    Map<String, Operand<?>> fields = new LinkedHashMap<>();
    for (Field field : spec.fields()) {
      FieldFeed feed = FieldFeed.create(dataOps, field);
      feeds.add(feed);
      fields.put(field.name(), feed.placeholder());
    }
    Operand<TInt64> batchSize = batchSize(tf, feeds.get(0).placeholder());
    Net stepNet = root.scope("step").withBatchSize(batchSize);
    StepBuilder step = new StepBuilder(stepNet, fields);
    int carriedBefore = root.carried().size();
    spec.step().accept(step);
    List<Net.Carried> carried = List.copyOf(root.carried().subList(carriedBefore, root.carried().size()));
    StepPlan plan = new StepPlanner(root, spec.jobName(),
        spec.clip().<GradientTransform>map(ClipGradients::new).orElse(GradientTransform.none()), spec.regularize())
        .plan(step.actions(), feeds, carried);

    List<StepRun.Hook> hooks = new ArrayList<>();
    for (StepSpec.Every every : spec.every()) {
      StepBuilder block = new StepBuilder(root.scope("every").withBatchSize(batchSize), fields);
      every.body().accept(block);
      hooks.add(StepRun.Hook.of(every.period(), block.actions()));
    }
    Operand<TBool> weightsFinite = TrainingGraph.allFinite(tf.withSubScope("weights_finite"), root.weights());
    Optional<WeightStore> weightStore = spec.stop().filter(EarlyStopping::restoreBest).map(stop -> WeightStore.build(root));
    Optional<Policy> policy = spec.acting().map(acting -> policy(root, acting));
    return new StepGraph(plan, hooks, models, restores, weightsFinite, weightStore, policy);
  }

  /** The value {@code act:} reads, built on an observation of its own, in inference mode. */
  @SuppressWarnings("unchecked")
  private static Policy policy(Net root, ActingSpec acting) {
    Operand<?> state = FieldFeed.create(root.tf().withSubScope("act"), acting.stateField()).placeholder();
    StepBuilder builder = new StepBuilder(root.scope("act").withBatchSize(batchSize(root.tf(), state)),
        Map.of("state", state));
    Operand<?> values = acting.policy().apply(builder);
    if (values.type() != TFloat32.class) {
      throw new IllegalArgumentException("act: chooses from float values, found " + values.type().getSimpleName());
    }
    return new Policy(state, (Operand<TFloat32>) values);
  }

  private static ModelGraph ownApplication(Net root, StepSpec.StepModel model) {
    Ops inputOps = root.tf().withSubScope(model.name() + "_inputs");
    Map<String, Operand<?>> inputs = new LinkedHashMap<>();
    for (Field input : model.inputs()) {
      inputs.put(input.name(), FieldFeed.create(inputOps, input).placeholder());
    }
    Operand<?> first = inputs.values().iterator().next();
    Net net = root.application(model.name()).withBatchSize(batchSize(root.tf(), first));
    Map<String, Operand<?>> built = model.function().build(net, inputs);
    Map<String, Operand<?>> outputs = new LinkedHashMap<>();
    for (String name : model.outputs()) {
      outputs.put(name, built.get(name));
    }
    return new ModelGraph(inputs, outputs);
  }

  private static Operand<TInt64> batchSize(Ops tf, Operand<?> records) {
    return tf.gather(tf.shape(records, TInt64.class), tf.constant(0), tf.constant(0));
  }

  /** The step's session runs and what they report. */
  StepPlan plan() {
    return plan;
  }

  List<StepRun.Hook> hooks() {
    return hooks;
  }

  Map<String, ModelGraph> models() {
    return models;
  }

  /** True when no weight of any model holds a NaN or an infinity: checked before a checkpoint is written. */
  Operand<TBool> weightsFinite() {
    return weightsFinite;
  }

  /** Present in a job that learns by acting. */
  Optional<Policy> policy() {
    return policy;
  }

  /** Present when early stopping restores the best weights. */
  Optional<WeightStore> weightStore() {
    return weightStore;
  }

  /** The models that start from exported weights. */
  List<WeightRestore> restores() {
    return restores;
  }
}
