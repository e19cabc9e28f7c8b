package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** What is broadcast; that it arrives is ClusterTest's (its workers start from different seeds). */
class BroadcastTest {
  @Test
  void everyFloatVariableIsSentInTheOrderItWasMade() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      tf.withName("kernel").variable(tf.constant(new float[] {1, 2}));
      tf.withName("counter").variable(tf.constant(0L));
      tf.withName("slot").variable(tf.constant(0f));
      List<Output<TFloat32>> variables = Broadcast.floatVariables(graph);
      assertEquals(List.of("kernel", "slot"), variables.stream().map(v -> v.op().name()).toList());
    }
  }
}
