package dev.nnc.runtime.data;

/**
 * The element type of a tensor: FLOAT fields feed {@code TFloat32}, INT {@code TInt32}. BOOL is the
 * result of a tensor comparison ({@code x > 0}) and never a data field's type.
 */
public enum ElementType {
  FLOAT,
  INT,
  BOOL;

  /** The name used in shapes and messages, as in {@code float[28, 28, 1]}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
