package dev.nnc.compiler.check;

/** Name conversions shared by the checker and the emitter. */
public final class Names {
  private Names() {}

  /** {@code FashionCnn} to {@code fashion_cnn}. */
  public static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
  }

  /** {@code fashion_cnn} to {@code FashionCnn}. */
  public static String pascal(String name) {
    StringBuilder s = new StringBuilder();
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        s.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return s.length() == 0 ? "X" : s.toString();
  }
}
