package dev.nnc.compiler.check;

import dev.nnc.runtime.train.Period;
import dev.nnc.stdlib.spec.ParamType;
import java.util.ArrayList;
import java.util.List;

/** Compile-time values to the Java value a parameter type wants, or null when they do not fit. */
final class Conversions {
  private Conversions() {}

  static Object to(ParamType type, Object value) {
    if (type == ParamType.INT || type == ParamType.SIZE || type == ParamType.NON_NEGATIVE_INT) {
      return value instanceof Long ? value : null;
    }
    if (type == ParamType.FLOAT || type == ParamType.POSITIVE_FLOAT || type == ParamType.RATE
        || type == ParamType.NON_NEGATIVE_FLOAT || type == ParamType.LEARNING_RATE) {
      return value instanceof Number n && !(value instanceof Double && ((Double) value).isNaN())
          ? n.doubleValue() : null;
    }
    if (type == ParamType.DURATION) {
      return period(value);
    }
    if (type == ParamType.BOOL) {
      return value instanceof Boolean ? value : null;
    }
    if (type == ParamType.STRING) {
      return value instanceof String ? value : null;
    }
    if (type == ParamType.INT_OR_PAIR) {
      if (value instanceof Long) {
        return value;
      }
      List<Long> pair = longs(value);
      return pair != null && pair.size() == 2 ? pair : null;
    }
    if (type == ParamType.INT_LIST || type == ParamType.INTS) {
      return longs(value);
    }
    return null;
  }

  /** Whether a value of the right type is also in its type's range (a size of at least 1, a rate below 1). */
  static boolean inRange(ParamType type, Object value) {
    if (type == ParamType.SIZE || type == ParamType.INT_OR_PAIR || type == ParamType.INT_LIST) {
      return value instanceof List<?> list ? list.stream().allMatch(v -> (Long) v >= 1) : (Long) value >= 1;
    }
    if (type == ParamType.POSITIVE_FLOAT || type == ParamType.LEARNING_RATE) {
      return (Double) value > 0;
    }
    if (type == ParamType.NON_NEGATIVE_FLOAT) {
      return (Double) value >= 0;
    }
    if (type == ParamType.NON_NEGATIVE_INT) {
      return (Long) value >= 0;
    }
    if (type == ParamType.RATE) {
      return (Double) value >= 0 && (Double) value < 1;
    }
    return true;
  }

  /** {@code 10 epochs}, {@code 1000 steps} as a run-time period; null for a size, a bare number or 0. */
  private static Period period(Object value) {
    if (!(value instanceof Value.Duration d) || d.amount() < 1) {
      return null;
    }
    return Period.parse(d.amount(), d.unit()).orElse(null);
  }

  private static List<Long> longs(Object value) {
    if (!(value instanceof List<?> list)) {
      return null;
    }
    List<Long> result = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Long l)) {
        return null;
      }
      result.add(l);
    }
    return result;
  }
}
