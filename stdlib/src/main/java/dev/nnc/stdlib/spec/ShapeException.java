package dev.nnc.stdlib.spec;

/**
 * A shape rule's verdict that its inputs do not fit. The checker turns it into a diagnostic at the
 * place the built-in is applied, with {@link #help()} as the suggested fix.
 */
public final class ShapeException extends Exception {
  private final String help;

  public ShapeException(String message) {
    this(message, null);
  }

  public ShapeException(String message, String help) {
    super(message, null, false, false);
    this.help = help;
  }

  /** A suggested fix, or null. */
  public String help() {
    return help;
  }
}
