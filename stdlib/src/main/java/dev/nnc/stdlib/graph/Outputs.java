package dev.nnc.stdlib.graph;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;

/**
 * What a built-in's graph gives, by name, in order: the first is its result as a stage or call
 * ({@link #main}); others are further results, such as a recurrent layer's final states.
 */
public record Outputs(Map<String, Operand<?>> byName) {
  /** The name of a built-in's main result. */
  public static final String OUTPUT = "output";

  public Outputs {
    if (byName.isEmpty()) {
      throw new IllegalArgumentException("a graph gives at least one output");
    }
    byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
  }

  public static Outputs of(Operand<?> output) {
    return new Outputs(Map.of(OUTPUT, output));
  }

  public Operand<?> main() {
    return byName.values().iterator().next();
  }

  public Operand<?> get(String name) {
    Operand<?> output = byName.get(name);
    if (output == null) {
      throw new IllegalArgumentException("no output `" + name + "`; there are " + byName.keySet());
    }
    return output;
  }
}
