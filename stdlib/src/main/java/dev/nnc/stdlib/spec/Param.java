package dev.nnc.stdlib.spec;

/**
 * One parameter of a built-in: its name, type, and default ({@code null} when the parameter is
 * required). Defaults are plain Java values: Long, Double, Boolean, String or a List of them.
 */
public record Param(String name, ParamType type, Object defaultValue, boolean positional) {
  public static Param required(String name, ParamType type) {
    return new Param(name, type, null, true);
  }

  /** A parameter that may be given by position or by name, with a default. */
  public static Param optional(String name, ParamType type, Object defaultValue) {
    return new Param(name, type, defaultValue, true);
  }

  /** A parameter that may only be given by name. */
  public static Param named(String name, ParamType type, Object defaultValue) {
    return new Param(name, type, defaultValue, false);
  }

  public boolean isRequired() {
    return defaultValue == null;
  }
}
