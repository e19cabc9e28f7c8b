package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The adapter on TF Java's internals, without a network: the empty target is TensorFlow's
 * in-process one, so what is checked is that the session is made from the graph, takes the
 * config it is given, and leaves initialization to its caller. The first test to fail on a TF Java upgrade.
 */
class ClusterSessionsTest {
  @Test
  void theSessionRunsTheGraphWithTheConfigItWasGiven() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> onSecondCpu = tf.withDevice(DeviceSpec.newBuilder().deviceType(DeviceSpec.DeviceType.CPU)
          .deviceIndex(1).build()).math.mul(tf.constant(3f), tf.constant(2f));
      ConfigProto twoCpus = ConfigProto.newBuilder().putDeviceCount("CPU", 2).build();
      try (Session session = ClusterSessions.open(graph, "", twoCpus);
          var result = session.runner().fetch(onSecondCpu).run()) {
        assertEquals(6f, ((TFloat32) result.get(0)).getFloat());
      }
      // Without the config there is no second CPU: proof that the config reached TensorFlow.
      try (Session session = ClusterSessions.open(graph, "", ConfigProto.getDefaultInstance())) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> session.runner().fetch(onSecondCpu).run().close());
        assertTrue(e.getMessage().contains("CPU:1"), e.getMessage());
      }
    }
  }

  @Test
  void variablesWaitForAnExplicitInitialize() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Operand<TFloat32> read = tf.identity(tf.variable(tf.constant(5f)));
      try (Session session = ClusterSessions.open(graph, "", ConfigProto.getDefaultInstance())) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> session.runner().fetch(read).run().close());
        assertTrue(e.getMessage().contains("initializers"), e.getMessage());
        session.initialize();
        try (var result = session.runner().fetch(read).run()) {
          assertEquals(5f, ((TFloat32) result.get(0)).getFloat());
        }
      }
    }
  }
}
