package dev.nnc.runtime.report;

/**
 * Counts of records by true class (rows) and predicted class (columns): the diagonal holds the
 * records classified right, so it over the total is the accuracy.
 */
public final class ConfusionMatrix {
  private final long[][] counts;

  public ConfusionMatrix(int classes) {
    this.counts = new long[classes][classes];
  }

  public void add(int truth, int predicted) {
    counts[truth][predicted]++;
  }

  public int classes() {
    return counts.length;
  }

  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  public long total() {
    long total = 0;
    for (long[] row : counts) {
      for (long count : row) {
        total += count;
      }
    }
    return total;
  }

  public long correct() {
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return correct;
  }

  /** The largest count, which the report's shading is scaled to. */
  long max() {
    long max = 0;
    for (long[] row : counts) {
      for (long count : row) {
        max = Math.max(max, count);
      }
    }
    return max;
  }
}
