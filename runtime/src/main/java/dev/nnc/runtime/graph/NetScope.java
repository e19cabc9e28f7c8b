package dev.nnc.runtime.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.DeviceSpec;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.Graph;
import org.tensorflow.Operation;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;

/**
 * The TensorFlow scope a {@link Net} builds its graph in: TF Java's own scope, except that opening
 * a sub-scope costs nothing.
 *
 * <p>Why: in TF Java 1.1.0, {@code Ops.withSubScope} ({@code OpScope} → {@code NameScope.withSubScope})
 * gives the child a fresh table of used names and fills it by reading every op of the graph
 * ({@code NameScope.importIdsFrom}: {@code Graph.operations()}, two native calls per op, one for the
 * op and one for its name), looking for ops already under the new prefix. {@code Net} opens a scope
 * per layer, so building a model of L layers read O(L²) op names.
 *
 * <p>Here every prefix keeps its own table, filled as names are handed out, with TF's rules: a
 * sub-scope's name is made unique in its parent's table ({@code dense}, {@code dense_1}...), and an
 * op's too ({@code MatMul}, {@code MatMul_1}...). A sub-scope's prefix is new when it opens, so TF's
 * scan finds nothing under it and its table starts empty, as this one does: the names, which
 * checkpoints, exports and TensorBoard read, are the ones TF Java gives. Root-level names stay in the
 * graph's own table ({@link Graph#baseScope()}), which every {@code Ops.create(graph)} shares, so ops
 * made at the root by others (the saver, the optimizer, other {@code Net}s) never take the same name.
 * What no table sees are ops that TensorFlow names natively ({@code gradients/...}); no scope here
 * is opened under their prefixes.
 *
 * <p>Devices, control dependencies and init ops are TF's own scope's business: this one forwards them.
 */
final class NetScope implements Scope {
  /** TF's scope: device, control dependencies, init; at the root, the names as well. */
  private final Scope tf;
  /** {@code model/dense} for ops named {@code model/dense/...}; null at the root. */
  private final String prefix;
  /** The names taken under {@code prefix}, each with the suffix its next taker gets; null at the root. */
  private final Map<String, Integer> ids;
  /** The name the next op takes instead of its default ({@link #withName}); null if none. */
  private final String opName;

  private NetScope(Scope tf, String prefix, Map<String, Integer> ids, String opName) {
    this.tf = tf;
    this.prefix = prefix;
    this.ids = ids;
    this.opName = opName;
  }

  /** Ops at the root of {@code graph} whose sub-scopes are of this kind, however deep. */
  static Ops root(Graph graph) {
    // Ops.create(env), which takes env.baseScope(), is TF Java's only public way to an Ops over a
    // scope of one's own; every Ops derived from it (withSubScope, withName...) keeps this kind.
    return Ops.create(new Carrier(graph, new NetScope(graph.baseScope(), null, null, null)));
  }

  @Override
  public ExecutionEnvironment env() {
    return tf.env();
  }

  @Override
  public Scope withSubScope(String childScopeName) {
    check(childScopeName);
    String name = makeUnique(opName != null ? opName : childScopeName);
    return new NetScope(tf, qualify(name), new HashMap<>(), null);
  }

  @Override
  public Scope withName(String name) {
    check(name);
    return new NetScope(tf, prefix, ids, name);
  }

  /** A sub-scope named as the next op would be (TF's own reserves the name twice, and fails under a prefix). */
  @Override
  public Scope withNameAsSubScope(String defaultName) {
    return withSubScope(defaultName);
  }

  @Override
  public Scope withDevice(DeviceSpec newDevice) {
    return new NetScope(tf.withDevice(newDevice), prefix, ids, opName);
  }

  @Override
  public Scope withInitScope() {
    return new NetScope(tf.withInitScope(), prefix, ids, opName);
  }

  @Override
  public Scope withControlDependencyOps(Iterable<Operation> controls) {
    return new NetScope(tf.withControlDependencyOps(controls), prefix, ids, opName);
  }

  @Override
  public String makeOpName(String defaultName) {
    check(defaultName);
    return qualify(makeUnique(opName != null ? opName : defaultName));
  }

  /** {@code id} the first time, then {@code id_1}, {@code id_2}...: TF's {@code NameScope.makeUnique}. */
  @Override
  public String makeUnique(String id) {
    if (ids == null) {
      return tf.makeUnique(id);
    }
    Integer taken = ids.put(id, ids.getOrDefault(id, 0) + 1);
    return taken == null ? id : id + "_" + taken;
  }

  /** Only the root's table can lag behind the graph (after an import); a prefix's is complete. */
  @Override
  public void refreshNames() {
    if (ids == null) {
      tf.refreshNames();
    }
  }

  @Override
  public OperationBuilder apply(OperationBuilder builder) {
    return tf.apply(builder);
  }

  @Override
  public String getDeviceString() {
    return tf.getDeviceString();
  }

  @Override
  public boolean isInit() {
    return tf.isInit();
  }

  private String qualify(String name) {
    return prefix == null ? name : prefix + "/" + name;
  }

  private static void check(String name) {
    if (!Scope.isValidOpName(name)) {
      throw new IllegalArgumentException("invalid name: '" + name + "'");
    }
  }

  /** Hands {@code baseScope} to {@code Ops.create}; the graph is the environment in every other respect. */
  private record Carrier(Graph graph, Scope baseScope) implements ExecutionEnvironment {
    @Override
    public OperationBuilder opBuilder(String type, String name, Scope scope) {
      return graph.opBuilder(type, name, scope);
    }

    @Override
    public void attachFunction(ConcreteFunction function) {
      graph.attachFunction(function);
    }

    @Override
    public boolean isOpEnabled(String opType) {
      return graph.isOpEnabled(opType);
    }

    @Override
    public void checkInput(Operation input) {
      graph.checkInput(input);
    }

    @Override
    public Types environmentType() {
      return graph.environmentType();
    }

    @Override
    public boolean isInitializer(Operation op) {
      return graph.isInitializer(op);
    }
  }
}
