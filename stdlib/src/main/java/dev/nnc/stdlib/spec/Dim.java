package dev.nnc.stdlib.spec;

/**
 * One dimension of a tensor shape as the checker knows it: a size, or a symbol such as {@code batch}
 * or {@code seq} whose size is bound later (or never, for {@code batch}).
 */
public sealed interface Dim {
  Dim BATCH = new Symbol("batch");

  static Dim of(long size) {
    return new Size(size);
  }

  static Dim symbol(String name) {
    return new Symbol(name);
  }

  /** The size, or -1 when the dimension is symbolic (the TensorFlow convention). */
  long sizeOr(long unknown);

  boolean isKnown();

  record Size(long size) implements Dim {
    @Override
    public long sizeOr(long unknown) {
      return size;
    }

    @Override
    public boolean isKnown() {
      return true;
    }

    @Override
    public String toString() {
      return Long.toString(size);
    }
  }

  record Symbol(String name) implements Dim {
    @Override
    public long sizeOr(long unknown) {
      return unknown;
    }

    @Override
    public boolean isKnown() {
      return false;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
