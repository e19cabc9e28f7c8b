package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The graph of a job with a custom step, and the session runs one step takes.
 *
 * <p>Each model is first built on inputs of its own (placeholders, which its export serves); that
 * application creates its weights, and every application in the step or an {@code every} block shares
 * them. The step's statements become runs, in order: one per {@code minimize}, one per group of
 * consecutive {@code update}s (whose values are all computed before any is assigned, as contrastive
 * divergence needs), and one at the end for reported values no earlier run computed. A reported value
 * is fetched by the first run that can compute it; a {@code minimize}'s loss is its run's, taken before
 * the update.
 */
final class StepGraph {
  private final List<FieldFeed> feeds;
  private final Net net;
  private final List<StepRun> runs;
  private final List<String> reported;
  private final List<int[]> reportSlots;
  private final List<StepRun.Hook> hooks;
  private final Map<String, ModelGraph> models;
  private final List<WeightRestore> restores;
  private final Operand<TBool> weightsFinite;
  private final Optional<WeightStore> weightStore;
  private final List<List<Net.Carried>> carried;

  private StepGraph(List<FieldFeed> feeds, Net net, List<StepRun> runs, List<String> reported, List<int[]> reportSlots,
      List<StepRun.Hook> hooks, Map<String, ModelGraph> models, List<WeightRestore> restores,
      Operand<TBool> weightsFinite, Optional<WeightStore> weightStore, List<List<Net.Carried>> carried) {
    this.feeds = feeds;
    this.net = net;
    this.runs = runs;
    this.reported = reported;
    this.reportSlots = reportSlots;
    this.hooks = hooks;
    this.models = models;
    this.restores = restores;
    this.weightsFinite = weightsFinite;
    this.weightStore = weightStore;
    this.carried = carried;
  }

  /**
   * The states the step's stateful layers carry from one step to the next, by the run that takes
   * them: the first whose fetches need the layer (a minimize's loss, a reported value). Every run
   * of a step is fed the states the step began with; a layer no run fetches starts from zeros.
   */
  private static List<List<Net.Carried>> carriedByRun(Graph graph, List<StepRun> runs, List<Net.Carried> carried) {
    List<List<Net.Carried>> byRun = new ArrayList<>();
    runs.forEach(run -> byRun.add(new ArrayList<>()));
    List<Net.Carried> left = new ArrayList<>(carried);
    for (int i = 0; i < runs.size() && !left.isEmpty(); i++) {
      Set<GraphOperation> needed = graph.subgraphTo(new HashSet<>(runs.get(i).fetches()));
      for (Iterator<Net.Carried> it = left.iterator(); it.hasNext(); ) {
        Net.Carried state = it.next();
        if (needed.contains((GraphOperation) state.last().op())) {
          byRun.get(i).add(state);
          it.remove();
        }
      }
    }
    return byRun.stream().map(List::copyOf).toList();
  }

  /** A model built on its own inputs: what {@code export} serves. */
  record ModelGraph(Map<String, Operand<?>> inputs, Map<String, Operand<?>> outputs) {}

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
    for (Field field : spec.data().fields()) {
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
    Planner planner = new Planner(root, spec);
    planner.plan(step.actions());

    List<StepRun.Hook> hooks = new ArrayList<>();
    for (StepSpec.Every every : spec.every()) {
      StepBuilder block = new StepBuilder(root.scope("every").withBatchSize(batchSize), fields);
      every.body().accept(block);
      hooks.add(StepRun.Hook.of(every.period(), block.actions()));
    }
    Operand<TBool> weightsFinite = TrainingGraph.allFinite(tf.withSubScope("weights_finite"), root.weights());
    Optional<WeightStore> weightStore = spec.stop().filter(EarlyStopping::restoreBest).map(stop -> WeightStore.build(root));
    return new StepGraph(feeds, root, planner.runs, planner.reported, planner.slots, hooks, models, restores,
        weightsFinite, weightStore, carriedByRun(graph, planner.runs, carried));
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

  List<FieldFeed> feeds() {
    return feeds;
  }

  Net net() {
    return net;
  }

  /** The session runs of one step, in order. */
  List<StepRun> runs() {
    return runs;
  }

  /** The names of the reported values, in the order the step reports them. */
  List<String> reported() {
    return reported;
  }

  /** For each reported value, the run that fetches it and its place among that run's fetches. */
  List<int[]> reportSlots() {
    return reportSlots;
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

  /** For each run, the carried states it fetches (see {@link #carriedByRun}). */
  List<List<Net.Carried>> carried() {
    return carried;
  }

  /** Present when early stopping restores the best weights. */
  Optional<WeightStore> weightStore() {
    return weightStore;
  }

  /** The models that start from exported weights. */
  List<WeightRestore> restores() {
    return restores;
  }

  /** Turns a step's statements into runs. */
  private static final class Planner {
    private final Net net;
    private final String job;
    private final GradientTransform transform;
    private final Optional<WeightPenalty> penalty;
    private final List<StepRun> runs = new ArrayList<>();
    private final List<String> reported = new ArrayList<>();
    private final List<int[]> slots = new ArrayList<>();
    /** Where each value fetched so far is: run index and fetch index. */
    private final Map<Operand<TFloat32>, int[]> fetched = new IdentityHashMap<>();
    /** Reported values not computed by any run yet: the next run fetches them. */
    private final List<StepBuilder.Action.Report> pending = new ArrayList<>();
    private final List<StepBuilder.Action.Update> updates = new ArrayList<>();

    Planner(Net net, StepSpec spec) {
      this.net = net;
      this.job = spec.jobName();
      this.transform = spec.clip().<GradientTransform>map(ClipGradients::new).orElse(GradientTransform.none());
      this.penalty = spec.regularize();
    }

    void plan(List<StepBuilder.Action> actions) {
      for (StepBuilder.Action action : actions) {
        if (action instanceof StepBuilder.Action.Update u) {
          updates.add(u);
          continue;
        }
        flushUpdates();
        if (action instanceof StepBuilder.Action.Minimize m) {
          minimize(m);
        } else if (action instanceof StepBuilder.Action.Report r) {
          reported.add(r.name());
          slots.add(null);
          pending.add(r);
          if (fetched.containsKey(r.value())) {
            resolve(r, fetched.get(r.value()));
          }
        }
      }
      flushUpdates();
      if (!pending.isEmpty()) {
        addRun(fetchesWith(null), null, List.of(), Optional.empty());
      }
    }

    private void minimize(StepBuilder.Action.Minimize m) {
      List<Operand<TFloat32>> fetches = fetchesWith(m.loss());
      Ops tf = net.tf().withSubScope("minimize");
      Operand<TFloat32> rate = tf.withName("learning_rate").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat32> stepNumber = tf.dtypes.cast(tf.math.add(net.step(), tf.constant(1L)), TFloat32.class);
      List<Net.Weight> candidates = new ArrayList<>();
      List<Net.Update> modelUpdates = new ArrayList<>();
      for (String model : m.models()) {
        candidates.addAll(net.weightsOf(model));
        modelUpdates.addAll(net.updatesOf(model));
      }
      // The penalty on the kernels of the models it trains goes into what is minimized, not into
      // the loss as the step reports it.
      Operand<TFloat32> minimized = penalty
          .map(p -> (Operand<TFloat32>) tf.math.add(m.loss(), PenaltyTerm.build(tf.withSubScope("penalty"), p, candidates)))
          .orElse(m.loss());
      Op applied = TrainOps.applyGradients(net, minimized, candidates, fetches,
          m.optimizer().factory().create(net.graph(), new OptimizerInputs(rate, stepNumber)), transform,
          "minimize_" + String.join("_", m.models()), "job " + job + ", minimize " + String.join(", ", m.models()));
      // The moving statistics of the applications this loss went through, as a Keras train step updates them.
      Set<GraphOperation> lossInputs = net.graph().subgraphTo(Set.of(m.loss()));
      List<Op> targets = new ArrayList<>();
      modelUpdates.stream().filter(u -> lossInputs.contains((GraphOperation) u.source().op()))
          .forEach(u -> targets.add(u.op()));
      targets.add(applied);
      Op target = net.tf().withControlDependencies(targets).noOp();
      addRun(fetches, target, List.of(new StepRun.Rate(rate, m.optimizer().learningRate())),
          Optional.of(String.join(", ", m.models())));
    }

    /** Consecutive updates: every value computed, then every assignment made. */
    private void flushUpdates() {
      if (updates.isEmpty()) {
        return;
      }
      List<Operand<TFloat32>> fetches = fetchesWith(null);
      // A value may be a variable's read, which shares the variable's buffer: each is copied before
      // any assignment, or an update would see another's new value (measured: `update n.w = m.w`
      // after `update m.w += n.w` read the new n).
      Ops ops = net.tf().withSubScope("update");
      List<Operand<TFloat32>> values = new ArrayList<>();
      for (StepBuilder.Action.Update u : updates) {
        Operand<TFloat32> value = u.value().shape().numDimensions() == 0
            ? ops.broadcastTo(u.value(), ops.constant(u.weight().shape().asArray()))
            : u.value();
        values.add(ops.deepCopy(value));
      }
      List<Op> before = new ArrayList<>(fetches);
      before.addAll(values);
      Ops after = ops.withControlDependencies(before);
      List<Op> assigns = new ArrayList<>();
      for (int i = 0; i < updates.size(); i++) {
        StepBuilder.Action.Update u = updates.get(i);
        var variable = u.weight().variable();
        assigns.add(switch (u.how()) {
          case ADD -> after.assignAdd(variable, values.get(i));
          case SUBTRACT -> after.assignSub(variable, values.get(i));
          case SET -> after.assign(variable, values.get(i));
        });
      }
      updates.clear();
      addRun(fetches, net.tf().withControlDependencies(assigns).noOp(), List.of(), Optional.empty());
    }

    /** The pending reported values, and {@code value} if there is one, as a run's fetches. */
    private List<Operand<TFloat32>> fetchesWith(Operand<TFloat32> value) {
      List<Operand<TFloat32>> fetches = new ArrayList<>();
      if (value != null) {
        fetches.add(value);
      }
      for (StepBuilder.Action.Report r : pending) {
        if (!fetches.contains(r.value())) {
          fetches.add(r.value());
        }
      }
      return fetches;
    }

    /** A run fetching {@code all}, which {@link #fetchesWith} made, so every pending report is among them. */
    private void addRun(List<Operand<TFloat32>> all, Op target, List<StepRun.Rate> rates, Optional<String> minimized) {
      int run = runs.size();
      for (int i = 0; i < all.size(); i++) {
        fetched.putIfAbsent(all.get(i), new int[] {run, i});
      }
      List<StepBuilder.Action.Report> waiting = List.copyOf(pending);
      pending.clear();
      waiting.forEach(r -> resolve(r, fetched.get(r.value())));
      runs.add(new StepRun(all, target, rates, minimized));
    }

    private void resolve(StepBuilder.Action.Report report, int[] slot) {
      pending.remove(report);
      for (int i = 0; i < reported.size(); i++) {
        if (reported.get(i).equals(report.name())) {
          slots.set(i, slot);
        }
      }
    }
  }
}
