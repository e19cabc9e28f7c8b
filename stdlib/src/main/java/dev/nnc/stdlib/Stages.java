package dev.nnc.stdlib;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.tensorflow.Operand;

/**
 * The block stages of a pipeline as generated code writes them: {@code repeat(n) { ... }} and
 * {@code for i in a..b { ... }} build their body once per copy, so every copy gets its own layers
 * and parameters, exactly as the checker unrolled it.
 */
public final class Stages {
  private Stages() {}

  /**
   * The value of an {@code if} branch that does not fit the model's inputs, or of a block no use ran;
   * the checker made sure the uses it saw never take it.
   */
  public static Operand<?> notApplicable(String branch) {
    throw new IllegalStateException("`" + branch + "` does not apply to these inputs and hyper-parameters");
  }

  /** {@code body} applied {@code times} times, each time to the previous result. */
  public static Operand<?> repeat(long times, Operand<?> input, UnaryOperator<Operand<?>> body) {
    Operand<?> current = input;
    for (long i = 0; i < times; i++) {
      current = body.apply(current);
    }
    return current;
  }

  /** {@code body} applied once per value, in order, each time to the previous result. */
  public static <T> Operand<?> forEach(List<T> values, Operand<?> input, BiFunction<T, Operand<?>, Operand<?>> body) {
    Operand<?> current = input;
    for (T value : values) {
      current = body.apply(value, current);
    }
    return current;
  }
}
