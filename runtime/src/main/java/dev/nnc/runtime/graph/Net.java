package dev.nnc.runtime.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The context a model's graph is built in: the TensorFlow ops, the variables the layers create, the
 * training flag, and the updates (batch-norm statistics) that run with every training step.
 *
 * <p>A {@code Net} is scoped: {@link #scope(String)} gives a child whose variables and ops are named
 * under a prefix, so two {@code dense} layers never collide and a model used as a layer keeps its
 * variables together. All scopes of one graph share one {@link State}. The ops are TF Java's, with
 * TF Java's names, but built in a {@link NetScope}, which opens a scope without scanning the graph.
 */
public final class Net {
  private final State state;
  private final Ops tf;
  private final String prefix;
  /**
   * The names given so far under each prefix. An application of a model gets a fresh map, so that
   * it names its layers exactly as the model's first application did and so finds their weights.
   */
  private final Map<String, Integer> names;
  /** The number of records in the batch flowing through this scope; null where none is known. */
  private final Operand<TInt64> batchSize;

  /** A fresh root context on {@code graph}; {@code seed} makes every initializer deterministic. */
  public static Net root(Graph graph, long seed) {
    return root(graph, seed, false);
  }

  /**
   * A root context in which every recurrent layer carries its state, as if declared
   * {@code stateful: true}: for generating a sequence one step at a time from a trained model.
   */
  public static Net rootCarryingStates(Graph graph, long seed) {
    return root(graph, seed, true);
  }

  private static Net root(Graph graph, long seed, boolean carryEveryState) {
    // Not Ops.create(graph): TF's own sub-scopes read every op's name in the graph when they open,
    // so a scope per layer made graph building quadratic in the layers (see NetScope).
    Ops tf = NetScope.root(graph);
    Operand<TBool> training =
        tf.withName("training").placeholderWithDefault(tf.constant(false), Shape.scalar());
    Operand<TInt64> step = tf.withName("step").placeholderWithDefault(tf.constant(0L), Shape.scalar());
    return new Net(new State(graph, tf, seed, training, step, carryEveryState), tf, "", new HashMap<>(), null);
  }

  /** True in a context made by {@link #rootCarryingStates}: recurrent layers carry their state whatever they declare. */
  public boolean carriesEveryState() {
    return state.carryEveryState;
  }

  private Net(State state, Ops tf, String prefix, Map<String, Integer> names, Operand<TInt64> batchSize) {
    this.state = state;
    this.tf = tf;
    this.prefix = prefix;
    this.names = names;
    this.batchSize = batchSize;
  }

  public Ops tf() {
    return tf;
  }

  public Graph graph() {
    return state.graph;
  }

  /** True while a training step runs, false for evaluation and serving (the default). */
  public Operand<TBool> training() {
    return state.training;
  }

  /**
   * The number of the running training step, counting from 0; 0 outside training. Random ops draw
   * from it and their seed alone (stateless ops), so a step's draws are the same whether the run
   * went straight through or was resumed from a checkpoint, which cannot hold a stateful op's state.
   */
  public Operand<TInt64> step() {
    return state.step;
  }

  /** A child context whose names start with {@code name/}; the name is made unique in this scope. */
  public Net scope(String name) {
    String unique = uniqueName(name);
    return new Net(state, tf.withSubScope(unique), prefix + unique + "/", names, batchSize);
  }

  /**
   * A context for one application of the model instance {@code model}, a child of the root: the
   * first application creates the model's weights under {@code model/}, every later one finds and
   * shares them (so {@code d(real)} and {@code d(fake)} are one discriminator). Each application's
   * ops get a scope of their own.
   */
  public Net application(String model) {
    Ops ops = state.rootTf.withSubScope(model + "_" + (++state.applications));
    return new Net(state, ops, model + "/", new HashMap<>(), batchSize);
  }

  /**
   * This context with its ops placed on {@code device} (a replica of the model in one process). The
   * weights stay where they were made: the first replica creates them, every one reads them.
   */
  public Net onDevice(org.tensorflow.DeviceSpec device) {
    return new Net(state, tf.withDevice(device), prefix, names, batchSize);
  }

  /** {@code base}, or {@code base_2}, {@code base_3}... if this scope already has that name. */
  public String uniqueName(String base) {
    int n = names.merge(prefix + base, 1, Integer::sum);
    return n == 1 ? base : base + "_" + n;
  }

  /** This context with {@code size} as the number of records in its batch (see {@link #batchSize()}). */
  public Net withBatchSize(Operand<TInt64> size) {
    return new Net(state, tf, prefix, names, size);
  }

  /**
   * The number of records in the batch, for ops that make a tensor per record from nothing (a
   * random draw without {@code count:}).
   */
  public Operand<TInt64> batchSize() {
    if (batchSize == null) {
      throw new IllegalStateException("no batch here: draw with count:");
    }
    return batchSize;
  }

  /**
   * The key of a stateless random op: a seed of its own and the step number, so each step draws anew
   * and a resumed run draws what the uninterrupted run drew (a stateful op's position in its stream
   * is lost with the session). Every op that uses the key within one step sees the same draw.
   */
  public Operand<TInt64> randomKey() {
    return tf.stack(List.of(tf.constant(nextSeed()), step()));
  }

  /**
   * A deterministic seed for the next random op of this graph. Never 0: TF's random ops take seeds
   * of 0 as "seed from the clock", which would make a job seeded 0 differ run to run.
   */
  public long nextSeed() {
    long next = state.seed * 1_000_003L + (++state.seeds);
    return next != 0 ? next : nextSeed();
  }

  /**
   * Creates a variable of {@code shape} initialized by {@code init} and returns its value, read once
   * through {@code identity}: math on the raw variable output crashes gradient building in TF Java
   * 1.1.0 (reference dtypes).
   */
  public Operand<TFloat32> weight(
      String name, Shape shape, Initializer init, boolean trainable) {
    Weight existing = state.weightsByName.get(prefix + name);
    if (existing != null) {
      if (!existing.shape().equals(shape)) {
        throw new IllegalStateException("weight " + existing.name() + " is " + existing.shape()
            + ", but this application of its model needs " + shape);
      }
      return existing.read();
    }
    // The framework optimizers name their slot variables after the variable's op and reject a '/'
    // in that name, so the variable itself lives at the root, its scope path joined by '.'.
    Ops named = state.rootTf.withName((prefix + name).replace('/', '.'));
    Variable<TFloat32> variable = named.variable(init.create(tf, shape, nextSeed()));
    Operand<TFloat32> read = tf.withName(name + "_read").identity(variable);
    Weight weight = new Weight(prefix + name, variable, read, shape, trainable);
    state.weights.add(weight);
    state.weightsByName.put(weight.name(), weight);
    return read;
  }

  /**
   * An op that must run with every training step (for example a moving-average update), computed
   * from {@code source} (the batch statistic it folds in): a custom step runs the updates whose
   * source its loss depends on.
   */
  public void addUpdate(Op update, Operand<?> source) {
    state.updates.add(new Update(prefix, update, source));
  }

  /** The weight of this name (scope path included), if one was created. */
  public java.util.Optional<Weight> weightNamed(String name) {
    return java.util.Optional.ofNullable(state.weightsByName.get(name));
  }

  /**
   * Declares a state carried from one training step to the next, as a stateful recurrent layer's:
   * {@code initial} is a placeholder with a default (zeros), which the trainer feeds with what
   * {@code last} gave in the step before. It is no weight: it is neither trained, counted nor saved.
   */
  public void carry(Operand<TFloat32> initial, Operand<TFloat32> last) {
    state.carried.add(new Carried(initial, last));
  }

  /** Every carried state declared so far, in declaration order. */
  public List<Carried> carried() {
    return Collections.unmodifiableList(state.carried);
  }

  /** Every weight created so far, in creation order. */
  public List<Weight> weights() {
    return Collections.unmodifiableList(state.weights);
  }

  public List<Op> updates() {
    return state.updates.stream().map(Update::op).toList();
  }

  /** The updates of the model instance applied with {@link #application(String) application(model)}. */
  public List<Update> updatesOf(String model) {
    return state.updates.stream().filter(u -> u.prefix().startsWith(model + "/")).toList();
  }

  /** The weights of the model instance applied with {@link #application(String) application(model)}. */
  public List<Weight> weightsOf(String model) {
    return state.weights.stream().filter(w -> w.name().startsWith(model + "/")).toList();
  }

  /** An update op, the scope it was made in, and the value it folds in. */
  public record Update(String prefix, Op op, Operand<?> source) {}

  /** A variable with its name (scope path included) and the identity that reads it. */
  public record Weight(
      String name, Variable<TFloat32> variable, Operand<TFloat32> read, Shape shape, boolean trainable) {}

  /** A state fed at {@code initial} and read back from {@code last} after a training step. */
  public record Carried(Operand<TFloat32> initial, Operand<TFloat32> last) {}

  private static final class State {
    final Graph graph;
    final Ops rootTf;
    final long seed;
    final Operand<TBool> training;
    final Operand<TInt64> step;
    final List<Weight> weights = new ArrayList<>();
    final Map<String, Weight> weightsByName = new HashMap<>();
    final List<Update> updates = new ArrayList<>();
    final List<Carried> carried = new ArrayList<>();
    final boolean carryEveryState;
    long seeds;
    int applications;

    State(Graph graph, Ops rootTf, long seed, Operand<TBool> training, Operand<TInt64> step, boolean carryEveryState) {
      this.carryEveryState = carryEveryState;
      this.graph = graph;
      this.rootTf = rootTf;
      this.seed = seed;
      this.training = training;
      this.step = step;
    }
  }
}
