package dev.nnc.stdlib.spec;

import java.util.ArrayList;
import java.util.List;

/** Shape arithmetic shared by the shape rules of several built-ins. */
public final class Shapes {
  private Shapes() {}

  /** Fails unless {@code type} has exactly {@code rank} dimensions (batch included). */
  public static void requireRank(String op, TensorType type, int rank, String meaning, String help)
      throws ShapeException {
    if (type.rank() != rank) {
      throw new ShapeException(
          op + " expects a rank-" + rank + " input " + meaning + ", found " + type, help);
    }
  }

  /** Fails unless {@code type} has at least {@code rank} dimensions (batch included). */
  public static void requireRankAtLeast(String op, TensorType type, int rank) throws ShapeException {
    if (type.rank() < rank) {
      throw new ShapeException(
          op + " expects an input of rank " + rank + " or more, found " + type);
    }
  }

  /** The last dimension, which must be a known size for weights to be made from it. */
  public static long knownLast(String op, TensorType type) throws ShapeException {
    if (type.rank() == 0) {
      throw new ShapeException(op + " expects a tensor with at least one axis, found a scalar");
    }
    Dim last = type.shape().last();
    if (!last.isKnown()) {
      throw new ShapeException(
          op + " needs the size of the last axis of " + type + " to create its weights",
          "give the input a fixed size in that axis");
    }
    return last.sizeOr(-1);
  }

  /** Output size of a convolution or pooling window along one axis (Keras's rule). */
  public static Dim windowOutput(Dim in, long window, long stride, long dilation, String padding) {
    if (!in.isKnown()) {
      return in;
    }
    long size = in.sizeOr(-1);
    if (padding.equals("same")) {
      return Dim.of((size + stride - 1) / stride);
    }
    long effective = (window - 1) * dilation + 1;
    return Dim.of(Math.max(0, (size - effective) / stride + 1));
  }

  /** Numpy broadcasting of two shapes; symbols broadcast only against themselves or 1. */
  public static TensorShape broadcast(String what, TensorType a, TensorType b) throws ShapeException {
    List<Dim> x = a.shape().dims();
    List<Dim> y = b.shape().dims();
    int rank = Math.max(x.size(), y.size());
    List<Dim> out = new ArrayList<>();
    for (int i = 0; i < rank; i++) {
      Dim dx = i < rank - x.size() ? Dim.of(1) : x.get(i - (rank - x.size()));
      Dim dy = i < rank - y.size() ? Dim.of(1) : y.get(i - (rank - y.size()));
      if (dx.equals(dy) || isOne(dy)) {
        out.add(dx);
      } else if (isOne(dx)) {
        out.add(dy);
      } else {
        throw new ShapeException(
            "cannot " + what + " " + a + " and " + b,
            "dimension " + i + " is " + dx + " on the left and " + dy + " on the right;"
                + " shapes must be equal or 1 in every dimension");
      }
    }
    return new TensorShape(out);
  }

  private static boolean isOne(Dim d) {
    return d.isKnown() && d.sizeOr(-1) == 1;
  }
}
