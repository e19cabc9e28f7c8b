package dev.nnc.stdlib.spec;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A built-in's parameters in order. Tensor inputs are not listed: they arrive from the pipeline
 * ({@code x -> dense(10)}) or as the leading positional arguments of a call ({@code concat(a, b)}).
 *
 * @param tensorInputs how many tensors the built-in takes: 1 for a layer, 2 for {@code add},
 *     {@link #VARIADIC} for {@code concat}
 */
public record Signature(int tensorInputs, List<Param> params) {
  public static final int VARIADIC = -1;

  public Signature {
    params = List.copyOf(params);
  }

  public static Signature of(int tensorInputs, Param... params) {
    return new Signature(tensorInputs, List.of(params));
  }

  /** The parameters whose tensors are further inputs ({@link ParamType#TENSORS}), in order. */
  public List<Param> tensorParams() {
    return params.stream().filter(p -> p.type() == ParamType.TENSORS).toList();
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** {@code dense(units, activation: none, bias: true)} — for messages and hover. */
  public String render(String name) {
    return params.stream()
        .map(p -> p.isRequired() ? p.name() : p.name() + ": " + Values.render(p.defaultValue()))
        .collect(Collectors.joining(", ", name + "(", ")"));
  }
}
