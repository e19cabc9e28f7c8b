package dev.nnc.runtime.train;

import java.util.Optional;

/**
 * A length of training written as the language writes it, {@code 10 epochs} or {@code 1000 steps}.
 * An epoch's length in steps is known only when the data is ({@code --data-dir} may swap the data),
 * so a period is turned into steps as the run goes.
 */
public record Period(long amount, Unit unit) {
  public enum Unit { STEPS, EPOCHS }

  public Period {
    if (amount < 1) {
      throw new IllegalArgumentException("a period lasts at least 1 step or epoch, not " + amount);
    }
  }

  public static Period steps(long amount) {
    return new Period(amount, Unit.STEPS);
  }

  public static Period epochs(long amount) {
    return new Period(amount, Unit.EPOCHS);
  }

  /** {@code amount} of a unit as the language spells it ({@code epoch}, {@code steps}...); empty for another word. */
  public static Optional<Period> parse(long amount, String unit) {
    return switch (unit) {
      case "epoch", "epochs" -> Optional.of(epochs(amount));
      case "step", "steps" -> Optional.of(steps(amount));
      default -> Optional.empty();
    };
  }

  /** The period in steps, when an epoch is {@code stepsPerEpoch} steps. */
  public long inSteps(long stepsPerEpoch) {
    return unit == Unit.STEPS ? amount : amount * stepsPerEpoch;
  }

  /** As in source: {@code 1 epoch}, {@code 1000 steps}. */
  @Override
  public String toString() {
    String word = unit == Unit.STEPS ? "step" : "epoch";
    return amount + " " + word + (amount == 1 ? "" : "s");
  }
}
