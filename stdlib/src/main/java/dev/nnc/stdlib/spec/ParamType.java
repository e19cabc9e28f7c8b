package dev.nnc.stdlib.spec;

import java.util.List;

/** The compile-time type of a built-in's argument. */
public sealed interface ParamType {
  ParamType INT = new Simple("int");
  /** A size or a count: a whole number of at least 1 ({@code units}, {@code filters}, {@code stride}). */
  ParamType SIZE = new Simple("positive int");
  ParamType FLOAT = new Simple("float");
  /** A float above zero ({@code lr}, {@code epsilon}). */
  ParamType POSITIVE_FLOAT = new Simple("positive float");
  /** A fraction in [0, 1) ({@code dropout(rate)}, {@code momentum}). */
  ParamType RATE = new Simple("float in [0, 1)");
  /** A float of zero or more ({@code min_delta}, a warm-up's starting rate). */
  ParamType NON_NEGATIVE_FLOAT = new Simple("float of at least 0");
  /** A whole number of zero or more ({@code patience}). */
  ParamType NON_NEGATIVE_INT = new Simple("int of at least 0");
  /** A length of training, {@code 10 epochs} or {@code 1000 steps}; a {@code Period} at run time. */
  ParamType DURATION = new Simple("duration of 1 step or more, such as `10 epochs` or `1000 steps`");
  /** A learning rate: a positive float or a schedule such as {@code cosine(1e-3, over: 20 epochs)}. */
  ParamType LEARNING_RATE = new Simple("positive float or learning-rate schedule");
  ParamType BOOL = new Simple("bool");
  ParamType STRING = new Simple("string");
  /** A positive int, or a list of two ({@code kernel: 3} or {@code kernel: [3, 5]}). */
  ParamType INT_OR_PAIR = new Simple("positive int or [int, int]");
  /** A list of positive ints ({@code reshape([7, 7, 64])}). */
  ParamType INT_LIST = new Simple("list of positive int");
  /** A list of ints of any sign: axes ({@code transpose(x, [0, 2, 1])}), a shape with a -1. */
  ParamType INTS = new Simple("list of int");
  /** An activation function by name ({@code activation: relu}); {@code none} for identity. */
  ParamType ACTIVATION = new Simple("activation");
  /** An initializer ({@code init: he_normal}, {@code init: normal(0, 0.01)}). */
  ParamType INITIALIZER = new Simple("initializer");
  /** A tensor operand (an input of a function such as {@code concat}). */
  ParamType TENSOR = new Simple("tensor");
  /**
   * Tensors given by name ({@code initial: enc}, {@code initial: [h, c]}): not configuration but
   * further inputs of every application, after the positional ones; none by default.
   */
  ParamType TENSORS = new Simple("tensor, list of tensors or record of states");

  static ParamType oneOf(String... options) {
    return new Choice(List.of(options));
  }

  String describe();

  record Simple(String describe) implements ParamType {}

  /** One of a fixed set of bare names, such as {@code padding: same}. */
  record Choice(List<String> options) implements ParamType {
    @Override
    public String describe() {
      return "one of " + String.join(", ", options);
    }
  }
}
