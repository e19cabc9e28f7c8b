package dev.nnc.runtime.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nnc.runtime.graph.Net;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/** {@code sync target: q} in a graph: a copy, or a step of Polyak averaging. */
class TargetSyncTest {
  private static Operand<TFloat32> weights(Net net, String model, float value) {
    Net app = net.application(model).scope("dense");
    app.weight("kernel", Shape.of(2, 2), (tf, shape, seed) -> tf.fill(tf.constant(shape.asArray()), tf.constant(value)), true);
    return app.weight("bias", Shape.of(2), (tf, shape, seed) -> tf.fill(tf.constant(shape.asArray()), tf.constant(value * 10)), true);
  }

  private static float[] values(Session session, Operand<TFloat32> read) {
    try (var result = session.runner().fetch(read).run()) {
      TFloat32 t = (TFloat32) result.get(0);
      float[] out = new float[(int) t.size()];
      t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(out, false, false));
      return out;
    }
  }

  @Test
  void syncCopiesEveryWeight() {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> targetBias = weights(net, "target", 1f);
      weights(net, "q", 3f);
      Op sync = TargetSync.build(net.tf(), net.weightsOf("target"), net.weightsOf("q"), 1.0);
      try (Session session = new Session(graph)) {
        session.runner().addTarget(sync).run().close();
        assertArrayEquals(new float[] {30, 30}, values(session, targetBias));
        assertArrayEquals(new float[] {3, 3, 3, 3}, values(session, net.weightsOf("target").get(0).read()));
      }
    }
  }

  @Test
  void syncWithTauMovesThatFarTowardsTheSource() {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      Operand<TFloat32> targetBias = weights(net, "target", 1f);
      weights(net, "q", 3f);
      Op sync = TargetSync.build(net.tf(), net.weightsOf("target"), net.weightsOf("q"), 0.25);
      try (Session session = new Session(graph)) {
        session.runner().addTarget(sync).run().close();
        // 0.25 · 30 + 0.75 · 10 = 15, then 0.25 · 30 + 0.75 · 15 = 18.75.
        assertArrayEquals(new float[] {15, 15}, values(session, targetBias), 1e-5f);
        session.runner().addTarget(sync).run().close();
        assertArrayEquals(new float[] {18.75f, 18.75f}, values(session, targetBias), 1e-5f);
        assertArrayEquals(new float[] {3, 3, 3, 3}, values(session, net.weightsOf("q").get(0).read()),
            "the source is left as it was");
      }
    }
  }

  @Test
  void instancesOfDifferentModelsAreRefused() {
    try (Graph graph = new Graph()) {
      Net net = Net.root(graph, 1);
      weights(net, "target", 1f);
      net.application("pi").scope("dense").weight("kernel", Shape.of(3, 2),
          (tf, shape, seed) -> tf.zeros(tf.constant(shape.asArray()), TFloat32.class), true);
      assertThrows(IllegalArgumentException.class,
          () -> TargetSync.build(net.tf(), net.weightsOf("target"), net.weightsOf("pi"), 1.0));
    }
  }
}
