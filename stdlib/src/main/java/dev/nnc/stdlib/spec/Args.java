package dev.nnc.stdlib.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of one use of a built-in, by parameter name, with the signature's defaults behind
 * them. The checker has validated names and types before any {@code Args} is made, so the accessors
 * only convert.
 */
public final class Args {
  private final Signature signature;
  private final Map<String, Object> given;

  public Args(Signature signature, Map<String, Object> given) {
    this.signature = signature;
    this.given = new LinkedHashMap<>(given);
  }

  /** {@code Args.of(sig, "units", 10, "activation", "relu")}: what generated code writes. */
  public static Args of(Signature signature, Object... namesAndValues) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      given.put((String) namesAndValues[i], normalize(namesAndValues[i + 1]));
    }
    return new Args(signature, given);
  }

  private static Object normalize(Object value) {
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    return value;
  }

  /** The signature these arguments were bound to. */
  public Signature signature() {
    return signature;
  }

  public Object get(String name) {
    Object value = given.get(name);
    if (value != null) {
      return value;
    }
    return signature
        .param(name)
        .map(Param::defaultValue)
        .orElseThrow(() -> new IllegalArgumentException("no parameter " + name));
  }

  public boolean isGiven(String name) {
    return given.containsKey(name);
  }

  public long integer(String name) {
    return ((Number) get(name)).longValue();
  }

  public double real(String name) {
    return ((Number) get(name)).doubleValue();
  }

  public boolean bool(String name) {
    return (Boolean) get(name);
  }

  public String string(String name) {
    return get(name).toString();
  }

  /** An {@link ParamType#INT_OR_PAIR} argument as {@code [h, w]}. */
  public long[] pair(String name) {
    Object value = get(name);
    if (value instanceof List<?> list) {
      return new long[] {((Number) list.get(0)).longValue(), ((Number) list.get(1)).longValue()};
    }
    long n = ((Number) value).longValue();
    return new long[] {n, n};
  }

  public long[] integers(String name) {
    return ((List<?>) get(name)).stream().mapToLong(v -> ((Number) v).longValue()).toArray();
  }

  public Map<String, Object> given() {
    return Map.copyOf(given);
  }
}
