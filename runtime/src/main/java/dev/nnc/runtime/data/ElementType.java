package dev.nnc.runtime.data;

/** The element type of a data field: FLOAT fields feed {@code TFloat32}, INT {@code TInt32}. */
public enum ElementType {
  FLOAT,
  INT;

  /** The name used in shapes and messages, as in {@code float[28, 28, 1]}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
