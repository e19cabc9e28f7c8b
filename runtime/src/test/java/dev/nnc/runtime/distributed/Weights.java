package dev.nnc.runtime.distributed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Weights compared across runs, and written by a worker process for its parent to compare. */
final class Weights {
  private Weights() {}

  static double maxDifference(List<float[]> a, List<float[]> b) {
    if (a.size() != b.size()) {
      throw new AssertionError(a.size() + " weights against " + b.size());
    }
    double max = 0;
    for (int w = 0; w < a.size(); w++) {
      if (a.get(w).length != b.get(w).length) {
        throw new AssertionError("weight " + w + " has " + a.get(w).length + " values against " + b.get(w).length);
      }
      for (int i = 0; i < a.get(w).length; i++) {
        max = Math.max(max, Math.abs(a.get(w)[i] - b.get(w)[i]));
      }
    }
    return max;
  }

  /** One line per weight, its values separated by spaces, exactly (Float.toString reads back to the same float). */
  static void write(Path file, List<float[]> weights) throws IOException {
    List<String> lines = new ArrayList<>();
    for (float[] w : weights) {
      StringBuilder line = new StringBuilder();
      for (float v : w) {
        line.append(line.isEmpty() ? "" : " ").append(v);
      }
      lines.add(line.toString());
    }
    Files.write(file, lines);
  }

  static List<float[]> read(Path file) throws IOException {
    List<float[]> weights = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.split(" ");
      float[] w = new float[parts.length];
      for (int i = 0; i < parts.length; i++) {
        w[i] = Float.parseFloat(parts[i]);
      }
      weights.add(w);
    }
    return weights;
  }
}
