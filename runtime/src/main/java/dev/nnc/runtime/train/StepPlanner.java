package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Turns a step's statements into session runs, in order: one per {@code minimize}, one per group of
 * consecutive {@code update}s (whose values are all computed before any is assigned, as contrastive
 * divergence needs), and one at the end for reported values no earlier run computed. A reported
 * value is fetched by the first run that can compute it; a {@code minimize}'s loss is its run's,
 * taken before the update. A declarative job is one {@code minimize} of its loss after its reports.
 */
final class StepPlanner {
  private final Net net;
  private final String job;
  private final GradientTransform transform;
  private final Optional<WeightPenalty> penalty;
  private final List<StepRun> runs = new ArrayList<>();
  private final List<String> reported = new ArrayList<>();
  private final List<Metric.Aggregation> aggregations = new ArrayList<>();
  /** Every number reported, a ratio's two apart, in order. */
  private final List<Operand<TFloat32>> parts = new ArrayList<>();
  /** For each of {@link #parts}, the run and the place among its fetches that take it. */
  private final List<int[]> slots = new ArrayList<>();
  /** Where each value fetched so far is: run index and fetch index. */
  private final Map<Operand<TFloat32>, int[]> fetched = new IdentityHashMap<>();
  /** The parts no run computes yet, by index: the next run fetches them. */
  private final List<Integer> pending = new ArrayList<>();
  private final List<StepBuilder.Action.Update> updates = new ArrayList<>();

  /**
   * A planner for job {@code job} in {@code net}, the root context; every {@code minimize} goes
   * through {@code transform} and adds {@code penalty} on the kernels of the models it trains.
   */
  StepPlanner(Net net, String job, GradientTransform transform, Optional<WeightPenalty> penalty) {
    this.net = net;
    this.job = job;
    this.transform = transform;
    this.penalty = penalty;
  }

  /**
   * The plan of {@code actions}, with {@code feeds} fed to every run; {@code carried} are the states
   * of the stateful layers the step applies, each taken by the first run that needs it (the first
   * run if none does), every run fed the states the step began with.
   */
  StepPlan plan(List<StepBuilder.Action> actions, List<FieldFeed> feeds, List<Net.Carried> carried) {
    for (StepBuilder.Action action : actions) {
      if (action instanceof StepBuilder.Action.Update u) {
        updates.add(u);
        continue;
      }
      flushUpdates();
      if (action instanceof StepBuilder.Action.Minimize m) {
        minimize(m);
      } else if (action instanceof StepBuilder.Action.Report r) {
        report(r);
      }
    }
    flushUpdates();
    if (!pending.isEmpty()) {
      addRun(fetchesWith(null), null, List.of(), Optional.empty());
    }
    return new StepPlan(feeds, net, List.copyOf(runs), List.copyOf(reported), List.copyOf(aggregations),
        List.copyOf(parts), List.copyOf(slots), carriedByRun(carried));
  }

  private void report(StepBuilder.Action.Report r) {
    reported.add(r.name());
    aggregations.add(r.aggregation());
    List<Operand<TFloat32>> numbers = r.aggregation() == Metric.Aggregation.RATIO
        ? List.copyOf(net.tf().withSubScope("report").unstack(r.value(), 2L).output())
        : List.of(r.value());
    for (Operand<TFloat32> number : numbers) {
      parts.add(number);
      slots.add(fetched.get(number));
      if (!fetched.containsKey(number)) {
        pending.add(parts.size() - 1);
      }
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
    modelUpdates.stream().filter(u -> m.everyUpdate() || lossInputs.contains((GraphOperation) u.source().op()))
        .forEach(u -> targets.add(u.op()));
    targets.add(applied);
    Op target = net.tf().withControlDependencies(targets).noOp();
    addRun(fetches, target, List.of(new StepRun.Rate(rate, m.optimizer().learningRate())), Optional.of(m.what()));
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

  /** The pending reported numbers, after {@code value} if there is one, as a run's fetches. */
  private List<Operand<TFloat32>> fetchesWith(Operand<TFloat32> value) {
    List<Operand<TFloat32>> fetches = new ArrayList<>();
    if (value != null) {
      fetches.add(value);
    }
    for (int part : pending) {
      if (!fetches.contains(parts.get(part))) {
        fetches.add(parts.get(part));
      }
    }
    return fetches;
  }

  /** A run fetching {@code all}, which {@link #fetchesWith} made, so every pending number is among them. */
  private void addRun(List<Operand<TFloat32>> all, Op target, List<StepRun.Rate> rates, Optional<String> minimized) {
    int run = runs.size();
    for (int i = 0; i < all.size(); i++) {
      fetched.putIfAbsent(all.get(i), new int[] {run, i});
    }
    pending.forEach(part -> slots.set(part, fetched.get(parts.get(part))));
    pending.clear();
    runs.add(new StepRun(all, target, rates, minimized));
  }

  private List<List<Net.Carried>> carriedByRun(List<Net.Carried> carried) {
    List<List<Net.Carried>> byRun = new ArrayList<>();
    runs.forEach(run -> byRun.add(new ArrayList<>()));
    List<Net.Carried> left = new ArrayList<>(carried);
    for (int i = 0; i < runs.size() && !left.isEmpty(); i++) {
      Set<GraphOperation> needed = net.graph().subgraphTo(new HashSet<>(runs.get(i).fetches()));
      for (Iterator<Net.Carried> it = left.iterator(); it.hasNext(); ) {
        Net.Carried state = it.next();
        if (needed.contains((GraphOperation) state.last().op())) {
          byRun.get(i).add(state);
          it.remove();
        }
      }
    }
    if (!byRun.isEmpty()) {
      byRun.get(0).addAll(left);
    }
    return byRun.stream().map(List::copyOf).toList();
  }
}
