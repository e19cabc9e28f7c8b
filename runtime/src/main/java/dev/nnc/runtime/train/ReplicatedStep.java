package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A step's statements built once per replica a {@link Replication} makes in this process (a device
 * of {@code --devices} each, or this worker's one of a cluster), each on its own equal slice of the
 * batch, and merged into one step: every reported value, every {@code minimize}'s loss and every
 * {@code update}'s value is the mean over all replicas ({@link Replication#mean}), the gradients of
 * a loss, after the replication's {@link Replication#gradients} (an all-reduce in a cluster), the
 * mean of the replicas'. A loss that is a batch mean then has the whole batch's gradient (within float
 * rounding), so {@link TrainOps#applyGradients} makes the one update a single device would, and the
 * reports are the whole batch's (a ratio's numerator and denominator both averaged keep their
 * ratio). The plan, the loop and the gradient path are the ones every job has; only what the step
 * is built on changes.
 *
 * <p>Not the same as one device: random draws (dropout) differ per replica, and batch
 * normalization normalizes each slice by its own statistics and folds each replica's into the
 * moving averages.
 */
final class ReplicatedStep {
  /** Builds a step's statements for one replica: on {@code slice}, its ops on {@code device} (none: one device, the whole batch). */
  @FunctionalInterface
  interface Replica {
    List<StepBuilder.Action> build(Optional<DeviceSpec> device, Map<String, Operand<?>> slice);
  }

  private ReplicatedStep() {}

  /** The step {@code replica} builds on {@code fields}, once per replica {@code replication} makes here, merged. */
  static List<StepBuilder.Action> build(Net root, Replication replication, Map<String, Operand<?>> fields,
      Replica replica) {
    if (!replication.replicated()) {
      return replica.build(Optional.empty(), fields);
    }
    Ops tf = root.tf().withSubScope("replicas");
    List<List<StepBuilder.Action>> built = new ArrayList<>();
    for (Replication.Replica r : replication.replicas(tf, fields)) {
      built.add(replica.build(r.device(), r.slice()));
    }
    return new Merge(tf, replication, built).actions();
  }

  /** The replicas' statements, one by one: they are the same statements, built on different slices. */
  private static final class Merge {
    private final Ops tf;
    private final Replication replication;
    private final List<List<StepBuilder.Action>> replicas;
    /**
     * Each value averaged so far, by the first replica's: a minimized loss that is also reported is
     * one value, fetched in its minimize's run, before the update, as in one process.
     */
    private final Map<Operand<TFloat32>, Operand<TFloat32>> means = new IdentityHashMap<>();

    Merge(Ops tf, Replication replication, List<List<StepBuilder.Action>> replicas) {
      this.tf = tf;
      this.replication = replication;
      this.replicas = replicas;
    }

    List<StepBuilder.Action> actions() {
      List<StepBuilder.Action> first = replicas.get(0);
      for (List<StepBuilder.Action> other : replicas) {
        if (other.size() != first.size()) {
          throw new IllegalStateException("the replicas built " + first.size() + " and " + other.size() + " statements");
        }
      }
      List<StepBuilder.Action> merged = new ArrayList<>();
      for (int i = 0; i < first.size(); i++) {
        merged.add(merge(i, first.get(i)));
      }
      return merged;
    }

    private StepBuilder.Action merge(int index, StepBuilder.Action action) {
      if (action instanceof StepBuilder.Action.Report r) {
        return new StepBuilder.Action.Report(r.name(), mean(index, a -> ((StepBuilder.Action.Report) a).value()),
            r.aggregation());
      }
      if (action instanceof StepBuilder.Action.Minimize m) {
        return new StepBuilder.Action.Minimize(m.models(), mean(index, a -> ((StepBuilder.Action.Minimize) a).loss()),
            m.optimizer(), m.what(), m.everyUpdate());
      }
      if (action instanceof StepBuilder.Action.Update u) {
        return new StepBuilder.Action.Update(u.weight(), u.how(), mean(index, a -> ((StepBuilder.Action.Update) a).value()));
      }
      // An image grid shows the whole batch's images, in the order one device has them.
      StepBuilder.Action.ImageGrid g = (StepBuilder.Action.ImageGrid) action;
      return new StepBuilder.Action.ImageGrid(
          tf.concat(values(index, a -> ((StepBuilder.Action.ImageGrid) a).images()), tf.constant(0)), g.path());
    }

    private Operand<TFloat32> mean(int index, Function<StepBuilder.Action, Operand<TFloat32>> value) {
      List<Operand<TFloat32>> values = values(index, value);
      return means.computeIfAbsent(values.get(0), key -> replication.mean(tf, values));
    }

    private List<Operand<TFloat32>> values(int index, Function<StepBuilder.Action, Operand<TFloat32>> value) {
      List<Operand<TFloat32>> values = new ArrayList<>();
      for (List<StepBuilder.Action> replica : replicas) {
        values.add(value.apply(replica.get(index)));
      }
      return values;
    }
  }
}
