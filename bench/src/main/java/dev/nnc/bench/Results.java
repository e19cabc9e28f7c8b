package dev.nnc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code RESULT key=value ...} lines trials print, medians, and /proc figures. */
final class Results {
  private Results() {}

  static String line(Object... keysAndValues) {
    StringBuilder out = new StringBuilder("RESULT");
    for (int i = 0; i < keysAndValues.length; i += 2) {
      Object value = keysAndValues[i + 1];
      String text = value instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : String.valueOf(value);
      out.append(' ').append(keysAndValues[i]).append('=').append(text);
    }
    return out.toString();
  }

  /** The values of the last RESULT line in {@code output}, or null when there is none. */
  static Map<String, String> parse(String output) {
    Map<String, String> values = null;
    for (String line : output.split("\n")) {
      if (line.startsWith("RESULT ")) {
        values = new LinkedHashMap<>();
        for (String pair : line.substring(7).trim().split(" ")) {
          int eq = pair.indexOf('=');
          values.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
      }
    }
    return values;
  }

  /** A field of /proc/self/status in MiB (VmHWM: peak resident set; VmRSS: resident now). */
  static double procStatusMb(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field + ":")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return Double.NaN;
  }

  /** The CPU time this process has used so far, all threads, native ones (TensorFlow's) included. */
  static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
  }

  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
  }

  static String fmt(double value, int decimals) {
    if (Double.isNaN(value)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }

  static String join(List<Double> values, int decimals) {
    return String.join(" ", Arrays.stream(values.stream().mapToDouble(Double::doubleValue).toArray())
        .mapToObj(v -> fmt(v, decimals)).toList());
  }
}
