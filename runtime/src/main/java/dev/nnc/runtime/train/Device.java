package dev.nnc.runtime.train;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a job trains: the CPU, or one GPU ({@code nnc train --device cpu|gpu|gpu:N}). The choice is
 * made for the whole session, in its config, not op by op: the CPU hides every GPU; a GPU is made
 * the only one TensorFlow sees, and ops without a GPU kernel fall back to the CPU (soft placement).
 */
public final class Device {
  public static final Device CPU = new Device(-1);
  private static final Pattern GPU = Pattern.compile("gpu(?::(\\d{1,4}))?");

  /** The GPU's number, or -1 for the CPU. */
  private final int gpu;

  private Device(int gpu) {
    this.gpu = gpu;
  }

  /** GPU number {@code index}, counting from 0 as {@code nvidia-smi} does. */
  public static Device gpu(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("a GPU's number counts from 0, not " + index);
    }
    return new Device(index);
  }

  /** {@code cpu}, {@code gpu} (the first GPU) or {@code gpu:N}. */
  public static Device parse(String text) {
    if (text.equals("cpu")) {
      return CPU;
    }
    Matcher m = GPU.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("a device is cpu, gpu or gpu:N (N the GPU's number, from 0), not '" + text + "'");
    }
    return gpu(m.group(1) == null ? 0 : Integer.parseInt(m.group(1)));
  }

  public boolean isGpu() {
    return gpu >= 0;
  }

  /**
   * A session for {@code graph} on this device, with {@code config}'s other settings. For a GPU,
   * first checks that TensorFlow can use it, and says why not otherwise.
   */
  public Session open(Graph graph, ConfigProto config) {
    ConfigProto placed = configure(config);
    if (isGpu()) {
      requireUsable(placed);
    }
    return new Session(graph, placed);
  }

  /** {@code config} with this device's settings. */
  ConfigProto configure(ConfigProto config) {
    if (!isGpu()) {
      // Even with the GPU build of TensorFlow, nothing goes to a GPU.
      return config.toBuilder().putDeviceCount("GPU", 0).build();
    }
    // The chosen GPU is the process's only one, so it is /device:GPU:0 to TensorFlow.
    return config.toBuilder()
        .setAllowSoftPlacement(true)
        .setGpuOptions(config.getGpuOptions().toBuilder().setVisibleDeviceList(Integer.toString(gpu)))
        .build();
  }

  private void requireUsable(ConfigProto placed) {
    if (!NativeDevices.libraryHasGpuKernels()) {
      throw new TrainException("--device " + this + ": this nnc runs on TensorFlow's CPU-only native"
          + " library; build it with the GPU one (NNC_GPU=1 ./nnc ..., or mvn -Pgpu), which needs the"
          + " NVIDIA driver, CUDA 12 and cuDNN 9; or train with --device cpu");
    }
    NativeDevices.whyNotPlaceable(placed, DeviceSpec.DeviceType.GPU, 0).ifPresent(reason -> {
      throw new TrainException("--device " + this + ": TensorFlow finds no GPU " + gpu + " on this"
          + " machine (" + reason + "); check nvidia-smi and CUDA_VISIBLE_DEVICES, or train with --device cpu");
    });
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Device d && d.gpu == gpu;
  }

  @Override
  public int hashCode() {
    return gpu;
  }

  @Override
  public String toString() {
    return isGpu() ? "gpu:" + gpu : "cpu";
  }
}
