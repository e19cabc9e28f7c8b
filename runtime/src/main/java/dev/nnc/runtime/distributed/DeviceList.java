package dev.nnc.runtime.distributed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * The devices of one process that a job trains on, a replica of the model each
 * ({@code --devices cpu:0,cpu:1} or {@code gpu:0,gpu:1}). CPU devices are TensorFlow's virtual
 * ones (the session's {@code device_count}), so several replicas can be tried, and tested, on a
 * machine without GPUs; they share the process's thread pools, so they split no work that one
 * device would not already spread over the cores.
 */
public record DeviceList(DeviceSpec.DeviceType type, List<Integer> indices) {
  private static final Pattern ITEM = Pattern.compile("(cpu|gpu):(\\d{1,3})");

  public DeviceList {
    indices = List.copyOf(indices);
    if (indices.isEmpty()) {
      throw new IllegalArgumentException("no devices");
    }
  }

  /** {@code cpu:0,cpu:1} or {@code gpu:0,gpu:1,...}: devices of one kind, each once. */
  public static DeviceList parse(String text) {
    DeviceSpec.DeviceType type = null;
    Set<Integer> indices = new LinkedHashSet<>();
    for (String item : text.split(",", -1)) {
      Matcher m = ITEM.matcher(item.trim());
      if (!m.matches()) {
        throw new IllegalArgumentException("--devices " + text + ": expected devices such as cpu:0,cpu:1 or"
            + " gpu:0,gpu:1, found '" + item.trim() + "'");
      }
      DeviceSpec.DeviceType kind = m.group(1).equals("cpu") ? DeviceSpec.DeviceType.CPU : DeviceSpec.DeviceType.GPU;
      if (type != null && type != kind) {
        throw new IllegalArgumentException("--devices " + text + ": all devices must be of one kind, CPUs or GPUs");
      }
      type = kind;
      if (!indices.add(Integer.parseInt(m.group(2)))) {
        throw new IllegalArgumentException("--devices " + text + ": " + item.trim() + " is named twice");
      }
    }
    return new DeviceList(type, new ArrayList<>(indices));
  }

  public int size() {
    return indices.size();
  }

  /** The device of replica {@code i}. */
  public DeviceSpec device(int i) {
    return DeviceSpec.newBuilder().deviceType(type).deviceIndex(indices.get(i)).build();
  }

  /** This list as the same indices on devices of {@code other} type (the GPU graph is the CPU graph but for names). */
  public DeviceList as(DeviceSpec.DeviceType other) {
    return new DeviceList(other, indices);
  }

  /** {@code config} with the devices this list needs: that many virtual CPUs, or the GPUs (soft placement for ops without a GPU kernel). */
  public ConfigProto configure(ConfigProto config) {
    int highest = indices.stream().mapToInt(Integer::intValue).max().orElseThrow();
    if (type == DeviceSpec.DeviceType.CPU) {
      return config.toBuilder().putDeviceCount("CPU", highest + 1).putDeviceCount("GPU", 0).build();
    }
    return config.toBuilder().setAllowSoftPlacement(true).build();
  }

  @Override
  public String toString() {
    String name = type == DeviceSpec.DeviceType.CPU ? "cpu:" : "gpu:";
    return String.join(",", indices.stream().map(i -> name + i).toList());
  }
}
