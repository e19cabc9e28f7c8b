package dev.nnc.stdlib.spec;

import java.util.List;
import java.util.stream.Collectors;

/** An initializer given with arguments, such as {@code normal(0, 0.01)}. */
public record InitCall(String name, List<Double> args) {
  public InitCall {
    args = List.copyOf(args);
  }

  @Override
  public String toString() {
    return args.stream().map(Values::render).collect(Collectors.joining(", ", name + "(", ")"));
  }
}
