package dev.nnc.stdlib;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.ToNumberPolicy;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One built-in's fixture, {@code contract/<name>.json}, as make_fixtures.py writes it: cases of
 * arguments, inputs, weights (Keras's layout) and the outputs PyTorch's definition gives.
 */
record ContractFixture(String builtin, List<Case> cases) {
  private static final Gson GSON =
      new GsonBuilder().setObjectToNumberStrategy(ToNumberPolicy.LONG_OR_DOUBLE).create();

  /** The fixture of {@code name}, if one is checked in. */
  static Optional<ContractFixture> of(String name) {
    InputStream in = ContractFixture.class.getResourceAsStream("/contract/" + name + ".json");
    if (in == null) {
      return Optional.empty();
    }
    try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return Optional.of(GSON.fromJson(reader, ContractFixture.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One use of the built-in. {@code moments} replaces {@code output} for random built-ins: the mean
   * and standard deviation that {@code draws} values must come near. {@code gradient} is
   * {@code "numeric"} when the graph's gradient must match central differences, {@code "zero"} when
   * none may flow, or null when the case does not check it. {@code results}, when present, are the
   * further named results PyTorch gives ({@code h} and {@code c} of a recurrent layer).
   */
  record Case(String reference, Map<String, Object> args, boolean training, List<Values> inputs,
      List<Weight> weights, Values output, Moments moments, String gradient, Map<String, Values> results) {
    Map<String, Values> namedResults() {
      return results == null ? Map.of() : results;
    }

    /**
     * The arguments as {@code Layer.of} takes them: name, value, name, value... An argument written
     * {@code "$n"} is a tensor argument ({@code context:}): input n, taken from {@code inputs} (the
     * inputs' types for the checker, their placeholders for a graph).
     */
    Object[] namesAndValues(List<?> inputs) {
      List<Object> flat = new ArrayList<>();
      args.forEach((name, value) -> {
        flat.add(name);
        flat.add(tensorArgument(value) >= 0 ? inputs.get(tensorArgument(value)) : value);
      });
      return flat.toArray();
    }

    /** The inputs that are not tensor arguments: those the built-in takes positionally. */
    <T> List<T> positional(List<T> inputs) {
      List<T> kept = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        int index = i;
        if (args.values().stream().noneMatch(v -> tensorArgument(v) == index)) {
          kept.add(inputs.get(i));
        }
      }
      return kept;
    }

    private static int tensorArgument(Object value) {
      return value instanceof String s && s.startsWith("$") ? Integer.parseInt(s.substring(1)) : -1;
    }

    /** The records in a batch: the first size of the first batched input, else the draws asked for. */
    long batch() {
      return inputs.stream().filter(Values::batched).findFirst().map(v -> v.shape()[0])
          .orElseGet(() -> ((Number) args.getOrDefault("count", 1L)).longValue());
    }

    @Override
    public String toString() {
      return reference + " " + args;
    }
  }

  /** A tensor: its element type, its shape and its values in row-major order. */
  record Values(String type, long[] shape, boolean batched, double[] data) {
    boolean isInt() {
      return type.equals("int");
    }

    boolean isBool() {
      return type.equals("bool");
    }

    boolean isFloat() {
      return type.equals("float");
    }

    /** What the checker sees: the first axis is the batch when the tensor is batched. */
    TensorType checkerType() {
      List<Dim> dims = new ArrayList<>();
      for (int i = 0; i < shape.length; i++) {
        dims.add(i == 0 && batched ? Dim.BATCH : Dim.of(shape[i]));
      }
      return new TensorType(ElementType.valueOf(type.toUpperCase(java.util.Locale.ROOT)), new TensorShape(dims));
    }
  }

  record Weight(String name, long[] shape, boolean trainable, double[] data) {
    long count() {
      long n = 1;
      for (long size : shape) {
        n *= size;
      }
      return n;
    }
  }

  record Moments(double mean, double std, long draws) {}
}
