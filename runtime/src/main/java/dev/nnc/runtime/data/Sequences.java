package dev.nnc.runtime.data;

import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.Tokenizer;
import java.util.Arrays;

/** Token runs laid into fixed-length rows, padded with {@code <pad>} (id 0) at the end. */
final class Sequences {
  private Sequences() {}

  /** A source's option that must be positive (the checker has said so already; this guards direct calls). */
  static void requirePositive(String option, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive, got " + value);
    }
  }

  /** {@code ids} copied into {@code row} of {@code rows}, each {@code seq} long, cut to {@code seq}. */
  static void put(int[] rows, int row, int seq, int[] ids) {
    System.arraycopy(ids, 0, rows, row * seq, Math.min(ids.length, seq));
  }

  /** {@code first}, then {@code ids}, then {@code last} (each skipped when negative), in one run. */
  static int[] framed(int first, int[] ids, int last) {
    int[] out = new int[ids.length + (first >= 0 ? 1 : 0) + (last >= 0 ? 1 : 0)];
    int at = 0;
    if (first >= 0) {
      out[at++] = first;
    }
    System.arraycopy(ids, 0, out, at, ids.length);
    if (last >= 0) {
      out[out.length - 1] = last;
    }
    return out;
  }

  /**
   * Where line {@code line}'s token number {@code token} (from 0) starts, as {@code file:line:col}:
   * the first token that did not fit. {@code offset} is where the tokenized part starts in the line.
   */
  static String tokenAt(TextLines lines, int line, int offset, String part, Tokenizer tokenizer, int token) {
    int[] starts = new int[token + 1];
    Arrays.fill(starts, -1);
    int[] seen = {0};
    tokenizer.scan(part, (t, start) -> {
      if (seen[0] <= token) {
        starts[seen[0]] = start;
      }
      seen[0]++;
    });
    return lines.at(line, offset + starts[token]);
  }
}
