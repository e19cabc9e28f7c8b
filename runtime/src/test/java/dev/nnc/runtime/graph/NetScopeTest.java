package dev.nnc.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@link NetScope} names ops exactly as TF Java's own scopes do (checkpoints, exports and TensorBoard
 * read the names), without reading the graph when a scope opens.
 */
class NetScopeTest {
  /** Sub-scopes, repeated and nested names, explicit names, control dependencies, init ops, a TF op that opens a scope of its own. */
  private static Operand<TFloat32> build(Ops tf) {
    Ops dense = tf.withSubScope("dense");
    Operand<TFloat32> x = dense.constant(1f);
    Operand<TFloat32> y = dense.math.add(x, dense.constant(2f));
    Ops again = tf.withSubScope("dense");
    Ops inner = again.withSubScope("inner").withSubScope("inner");
    Operand<TFloat32> z = inner.withName("sum").math.add(y, inner.withName("sum").math.add(y, y));
    Operand<TFloat32> kernel = again.withName("kernel").variable(again.zeros(again.constant(new long[] {2}), TFloat32.class));
    Operand<TFloat32> read = again.withControlDependencies(List.of(z)).identity(kernel);
    Ops named = tf.withName("MatMul").withSubScope("ignored");
    named.constant(0f);
    return tf.withSubScope("out").math.add(read, again.withDevice(DeviceSpec.newBuilder().build()).constant(3f));
  }

  private static List<String> names(Function<Graph, Ops> ops) {
    try (Graph graph = new Graph()) {
      build(ops.apply(graph));
      // Root-level names are shared with every Ops.create(graph): no collision with ops made there.
      Ops.create(graph).withSubScope("dense").constant(0f);
      Ops.create(graph).constant(0f);
      List<String> names = new ArrayList<>();
      for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
        names.add(it.next().name());
      }
      return names;
    }
  }

  @Test
  void namesOpsAsTfJavaDoes() {
    List<String> tf = names(Ops::create);
    assertEquals(tf, names(NetScope::root));
    // The expectation is TF's behaviour, spelled out where it matters most.
    assertTrue(tf.containsAll(List.of("dense/Const", "dense/Const_1", "dense/Add",
        "dense_1/inner/inner/sum", "dense_1/inner/inner/sum_1", "dense_1/Zeros/Fill", "dense_1/kernel",
        "MatMul/Const", "out/Add", "dense_2/Const", "Const")), tf.toString());
  }

  @Test
  void initOpsRunAndInvalidNamesFail() {
    try (Graph graph = new Graph(); Session session = new Session(graph)) {
      Ops tf = NetScope.root(graph).withSubScope("layer");
      Operand<TFloat32> v = tf.identity(tf.variable(tf.fill(tf.constant(new long[] {2}), tf.constant(5f))));
      try (Result r = session.runner().fetch(v).run()) {
        assertEquals(5f, ((TFloat32) r.get(0)).getFloat(1));
        assertEquals(Shape.of(2), r.get(0).shape());
      }
      assertThrows(IllegalArgumentException.class, () -> tf.withSubScope("a/b"));
      assertThrows(IllegalArgumentException.class, () -> tf.withName("_x"));
    }
  }
}
