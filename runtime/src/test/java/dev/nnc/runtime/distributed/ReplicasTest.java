package dev.nnc.runtime.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.graph.Net;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

class ReplicasTest {
  static final int STEPS = 12;

  /** One device, the whole batch: the weights the other modes must reach. */
  static List<float[]> oneDevice(int steps) {
    return onDevices(DeviceList.parse("cpu:0"), steps);
  }

  static List<float[]> onDevices(DeviceList devices, int steps) {
    try (Graph graph = new Graph()) {
      Net root = Net.root(graph, 42);
      Map<String, Operand<?>> batch = Mlp.placeholders(root.tf(), Mlp.BATCH);
      Replicas.Replicated replicated = Replicas.build(root, Mlp.MODEL, devices, batch, Mlp::loss);
      var train = Mlp.apply(root.tf(), replicated.weights(), replicated.gradients());
      try (Session session = new Session(graph, devices.configure(ConfigProto.getDefaultInstance()))) {
        Mlp.train(session, batch, train, steps, 0, Mlp.BATCH);
        return Mlp.values(session, replicated.weights());
      }
    }
  }

  @Test
  void twoVirtualCpusReachTheWeightsOfOne() {
    List<float[]> one = oneDevice(STEPS);
    List<float[]> two = onDevices(DeviceList.parse("cpu:0,cpu:1"), STEPS);
    assertTrue(Weights.maxDifference(oneDevice(0), one) > 0.05, "training moves the weights");
    assertTrue(Weights.maxDifference(one, two) < 1e-5, "max difference " + Weights.maxDifference(one, two));
  }

  @Test
  void eachReplicaRunsOnItsOwnDevice() {
    GraphDef def = graphFor(DeviceList.parse("cpu:0,cpu:1"));
    long onFirst = def.getNodeList().stream().filter(n -> n.getDevice().equals("/device:CPU:0")).count();
    long onSecond = def.getNodeList().stream().filter(n -> n.getDevice().equals("/device:CPU:1")).count();
    assertTrue(onFirst > 5 && onSecond > 5, onFirst + " ops on cpu:0, " + onSecond + " on cpu:1");
    assertTrue(def.getNodeList().stream().filter(n -> n.getOp().equals("VariableV2")).count() == 4,
        "the replicas share one set of weights");
  }

  @Test
  void theGpuGraphIsTheCpuGraphButForDeviceNames() {
    GraphDef cpu = graphFor(DeviceList.parse("cpu:0,cpu:1"));
    GraphDef gpu = graphFor(DeviceList.parse("gpu:0,gpu:1"));
    assertNotEquals(cpu, gpu);
    GraphDef renamed = gpu.toBuilder().clearNode().addAllNode(gpu.getNodeList().stream()
        .map(n -> n.toBuilder().setDevice(n.getDevice().replace("/device:GPU:", "/device:CPU:")).build())
        .toList()).build();
    assertEquals(cpu, renamed);
    assertTrue(gpu.getNodeList().stream().map(NodeDef::getDevice).anyMatch("/device:GPU:1"::equals));
  }

  @Test
  void devicesAreOfOneKindEachOnceAndSplitTheBatchEvenly() {
    assertEquals("--devices cpu:0,gpu:1: all devices must be of one kind, CPUs or GPUs",
        assertThrows(IllegalArgumentException.class, () -> DeviceList.parse("cpu:0,gpu:1")).getMessage());
    assertEquals("--devices cpu:0,cpu:0: cpu:0 is named twice",
        assertThrows(IllegalArgumentException.class, () -> DeviceList.parse("cpu:0,cpu:0")).getMessage());
    assertEquals("--devices gpu0: expected devices such as cpu:0,cpu:1 or gpu:0,gpu:1, found 'gpu0'",
        assertThrows(IllegalArgumentException.class, () -> DeviceList.parse("gpu0")).getMessage());
    assertEquals(2, DeviceList.parse("cpu:0,cpu:1").configure(ConfigProto.getDefaultInstance()).getDeviceCountOrThrow("CPU"));
    try (Graph graph = new Graph()) {
      Net root = Net.root(graph, 1);
      Map<String, Operand<?>> batch = Mlp.placeholders(root.tf(), 15);
      String message = assertThrows(IllegalArgumentException.class,
          () -> Replicas.build(root, Mlp.MODEL, DeviceList.parse("cpu:0,cpu:1"), batch, Mlp::loss)).getMessage();
      assertEquals("x has shape [15, 8]: its first axis, the batch, must divide into 2 equal slices, one per device", message);
    }
  }

  private static GraphDef graphFor(DeviceList devices) {
    try (Graph graph = new Graph()) {
      Net root = Net.root(graph, 42);
      Map<String, Operand<?>> batch = Mlp.placeholders(root.tf(), Mlp.BATCH);
      Replicas.Replicated replicated = Replicas.build(root, Mlp.MODEL, devices, batch, Mlp::loss);
      Mlp.apply(root.tf(), replicated.weights(), replicated.gradients());
      return graph.toGraphDef();
    }
  }
}
