package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;

class DeviceTest {
  @TempDir Path dir;

  @Test
  void readsTheDevicesOfTheCommandLine() {
    assertEquals(Device.CPU, Device.parse("cpu"));
    assertEquals(Device.gpu(0), Device.parse("gpu"));
    assertEquals(Device.gpu(3), Device.parse("gpu:3"));
    assertEquals("gpu:3", Device.parse("gpu:3").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tpu", "GPU", "gpu:", "gpu:-1", "gpu:x", "cpu:0", ""})
  void refusesWhatIsNoDevice(String text) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Device.parse(text));
    assertEquals("a device is cpu, gpu or gpu:N (N the GPU's number, from 0), not '" + text + "'", e.getMessage());
  }

  @Test
  void theCpuHidesEveryGpuAndAGpuIsTheOnlyOneTensorFlowSees() {
    // A trainer's own settings (here StepTrainer's graph options) are kept.
    ConfigProto base = ConfigProto.newBuilder().setAllowSoftPlacement(true)
        .setGraphOptions(GraphOptions.newBuilder().setBuildCostModel(5)).build();

    ConfigProto cpu = Device.CPU.configure(base);
    assertEquals(0, cpu.getDeviceCountOrThrow("GPU"));
    assertEquals(5, cpu.getGraphOptions().getBuildCostModel());

    ConfigProto gpu = Device.gpu(2).configure(base);
    assertEquals("2", gpu.getGpuOptions().getVisibleDeviceList());
    assertTrue(gpu.getAllowSoftPlacement());
    assertFalse(gpu.containsDeviceCount("GPU"));
    assertEquals(5, gpu.getGraphOptions().getBuildCostModel());
  }

  @Test
  void theProbeTellsADeviceThereIsFromOneThereIsNot() {
    ConfigProto config = Device.CPU.configure(ConfigProto.getDefaultInstance());
    assertEquals(java.util.Optional.empty(), NativeDevices.whyNotPlaceable(config, DeviceSpec.DeviceType.CPU, 0));
    String reason = NativeDevices.whyNotPlaceable(config, DeviceSpec.DeviceType.CPU, 7).orElseThrow();
    assertTrue(reason.contains("CPU:7"), reason);
  }

  @Test
  void trainsOnTheCpuWhenAsked() {
    TrainResult result = Trainer.run(Xor.spec().build(),
        TrainOptions.builder().logDir(dir).quiet(true).device(Device.CPU).build());

    assertTrue(result.last().loss() < 0.05, "final loss " + result.last().loss());
  }

  @Test
  void aGpuAskedOfTheCpuLibraryIsRefusedSayingHowToGetOne() {
    assumeFalse(NativeDevices.libraryHasGpuKernels(), "this build has the GPU library");
    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(Xor.spec().build(),
        TrainOptions.builder().logDir(dir).quiet(true).device(Device.gpu(0)).build()));

    assertEquals("--device gpu:0: this nnc runs on TensorFlow's CPU-only native library; build it with"
        + " the GPU one (NNC_GPU=1 ./nnc ..., or mvn -Pgpu), which needs the NVIDIA driver, CUDA 12 and"
        + " cuDNN 9; or train with --device cpu", e.getMessage());
    assertFalse(Files.exists(dir.resolve("metrics.csv")), "nothing was trained");
  }

  /** Runs only with the GPU build (NNC_GPU=1): no machine has GPU number 99. */
  @Test
  void aGpuThatIsNotThereIsRefusedNamingIt() {
    assumeTrue(NativeDevices.libraryHasGpuKernels(), "this build has the CPU-only library");
    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(Xor.spec().build(),
        TrainOptions.builder().logDir(dir).quiet(true).device(Device.gpu(99)).build()));

    assertTrue(e.getMessage().startsWith("--device gpu:99: TensorFlow finds no GPU 99 on this machine"), e.getMessage());
  }
}
