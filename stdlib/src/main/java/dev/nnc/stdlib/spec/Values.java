package dev.nnc.stdlib.spec;

import java.util.List;
import java.util.stream.Collectors;

/** How compile-time values (Long, Double, Boolean, String, List) are written in `.nn` source. */
public final class Values {
  private Values() {}

  public static String render(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(Values::render).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format("%.1f", d) : d.toString();
    }
    return String.valueOf(value);
  }
}
