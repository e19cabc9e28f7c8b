package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.distributed.DeviceList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;

/**
 * {@code --devices}: a replica of the model per device, each on its slice of every batch, the
 * gradients averaged into one update. For an MLP without dropout or batch normalization that is
 * one device's training, within float rounding.
 */
class DevicesTest {
  private static final List<String> WEIGHTS =
      List.of("model/hidden/kernel_read", "model/hidden/bias_read", "model/output/kernel_read", "model/output/bias_read");

  @TempDir Path dir;

  /** Trains XOR (an MLP, batch 8, 8 steps an epoch, with validation) and exports it to {@code name}/model. */
  private Path train(String name, Optional<DeviceList> devices) {
    Path logDir = dir.resolve(name);
    TrainSpec spec = Xor.spec().epochs(4).validate(Xor.data(2)).export(logDir.resolve("model").toString()).build();
    TrainOptions.Builder options = TrainOptions.builder().logDir(logDir).quiet(true);
    devices.ifPresent(options::devices);
    Trainer.run(spec, options.build());
    return logDir;
  }

  @Test
  void twoDevicesTrainToTheWeightsAndMetricsOfOne() throws IOException {
    Path one = train("one", Optional.empty());
    Path two = train("two", Optional.of(DeviceList.parse("cpu:0,cpu:1")));
    List<float[]> oneWeights = weights(one.resolve("model"));
    List<float[]> twoWeights = weights(two.resolve("model"));
    for (int w = 0; w < WEIGHTS.size(); w++) {
      for (int i = 0; i < oneWeights.get(w).length; i++) {
        assertEquals(oneWeights.get(w)[i], twoWeights.get(w)[i], 1e-5, WEIGHTS.get(w) + "[" + i + "]");
      }
    }
    List<String> oneCsv = Files.readAllLines(one.resolve("metrics.csv"));
    List<String> twoCsv = Files.readAllLines(two.resolve("metrics.csv"));
    assertEquals(oneCsv.get(0), twoCsv.get(0));
    assertEquals(5, oneCsv.size(), "a header and a row per epoch");
    for (int row = 1; row < oneCsv.size(); row++) {
      String[] a = oneCsv.get(row).split(",");
      String[] b = twoCsv.get(row).split(",");
      assertEquals(a.length, b.length);
      for (int col = 0; col < a.length; col++) {
        assertEquals(Double.parseDouble(a[col]), Double.parseDouble(b[col]), 1e-5, "row " + row + ", " + oneCsv.get(0).split(",")[col]);
      }
    }
    // Training moved the weights: the comparison compares trained weights.
    double firstLoss = Double.parseDouble(oneCsv.get(1).split(",")[1]);
    double lastLoss = Double.parseDouble(oneCsv.get(4).split(",")[1]);
    assertTrue(lastLoss < firstLoss, oneCsv.toString());
  }

  @Test
  void theGpuGraphIsTheCpuGraphButForDeviceNames() {
    GraphDef cpu = graphOn(DeviceList.parse("cpu:0,cpu:1"));
    GraphDef gpu = graphOn(DeviceList.parse("gpu:0,gpu:1"));
    assertTrue(cpu.getNodeList().stream().anyMatch(n -> n.getDevice().equals("/device:CPU:1")), "replica 2 is placed");
    assertEquals(cpu.getNodeCount(), gpu.getNodeCount());
    for (int i = 0; i < cpu.getNodeCount(); i++) {
      NodeDef c = cpu.getNode(i);
      NodeDef g = gpu.getNode(i);
      assertEquals(c.toBuilder().setDevice(c.getDevice().replace("CPU", "GPU")).build(), g, "node " + c.getName());
    }
  }

  @Test
  void aBatchTheDevicesDoNotSplitIsRefusedBeforeTraining() {
    TrainOptions options = TrainOptions.builder().logDir(dir.resolve("odd")).quiet(true)
        .devices(DeviceList.parse("cpu:0,cpu:1,cpu:2")).build();
    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(Xor.spec().build(), options));
    assertTrue(e.getMessage().contains("batch 8 does not split into 3 equal slices"), e.getMessage());
    // 64 records in batches of 6: the last batch has 4, which 3 devices do not split.
    e = assertThrows(TrainException.class, () -> Trainer.run(Xor.spec().batch(6).build(), options));
    assertTrue(e.getMessage().contains("the last training batch of every epoch has 4 records"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("odd").resolve("metrics.csv")));
  }

  private static GraphDef graphOn(DeviceList devices) {
    try (Graph graph = new Graph()) {
      TrainingGraph.build(graph, Xor.spec().build(), 7, Replication.onDevices(devices));
      return graph.toGraphDef();
    }
  }

  private static List<float[]> weights(Path model) {
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), "serve")) {
      List<float[]> values = new ArrayList<>();
      for (String name : WEIGHTS) {
        try (Tensor t = bundle.session().runner().fetch(name).run().get(0)) {
          TFloat32 f = (TFloat32) t;
          float[] flat = new float[(int) f.size()];
          f.copyTo(DataBuffers.of(flat, false, false));
          values.add(flat);
        }
      }
      return values;
    }
  }
}
