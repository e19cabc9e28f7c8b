package dev.nnc.stdlib.optimizers;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.optional;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.train.LearningRate;
import dev.nnc.runtime.train.Period;
import dev.nnc.runtime.train.schedules.CosineDecay;
import dev.nnc.runtime.train.schedules.ExponentialDecay;
import dev.nnc.runtime.train.schedules.Warmup;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.function.Function;

/**
 * The learning-rate schedules, usable as the {@code lr} of any optimizer. Each starts from the rate
 * {@code initial} and counts steps from the first update, as Keras's schedules do; periods are
 * written {@code 10 epochs} or {@code 1000 steps}.
 */
public final class ScheduleDef extends ConfiguredBuiltin<LearningRate> {
  public static final ScheduleDef EXPONENTIAL =
      new ScheduleDef("exponential", "Keras's ExponentialDecay: initial * decay^(step / every).",
          Signature.of(
              0,
              required("initial", ParamType.POSITIVE_FLOAT),
              optional("decay", ParamType.POSITIVE_FLOAT, 0.96),
              optional("every", ParamType.DURATION, Period.epochs(1)),
              named("staircase", ParamType.BOOL, false)),
          args -> new ExponentialDecay(args.real("initial"), args.real("decay"), period(args, "every"),
              args.bool("staircase")));
  public static final ScheduleDef STEP =
      new ScheduleDef("step", "Step decay: the rate is multiplied by factor at the end of every period.",
          Signature.of(
              0,
              required("initial", ParamType.POSITIVE_FLOAT),
              optional("factor", ParamType.POSITIVE_FLOAT, 0.1),
              optional("every", ParamType.DURATION, Period.epochs(10))),
          args -> new ExponentialDecay(args.real("initial"), args.real("factor"), period(args, "every"), true));
  public static final ScheduleDef COSINE =
      new ScheduleDef("cosine", "Keras's CosineDecay: half a cosine from initial to initial * alpha over a period.",
          Signature.of(
              0,
              required("initial", ParamType.POSITIVE_FLOAT),
              required("over", ParamType.DURATION),
              named("alpha", ParamType.RATE, 0.0)),
          args -> new CosineDecay(args.real("initial"), period(args, "over"), args.real("alpha")));
  public static final ScheduleDef WARMUP =
      new ScheduleDef("warmup", "A linear rise from initial to where `then` starts, then `then`.",
          Signature.of(
              0,
              required("initial", ParamType.NON_NEGATIVE_FLOAT),
              required("over", ParamType.DURATION),
              required("then", ParamType.LEARNING_RATE)),
          args -> new Warmup(args.real("initial"), period(args, "over"), learningRate(args, "then")));

  private ScheduleDef(String name, String doc, Signature signature, Function<Args, LearningRate> factory) {
    super(name, Kind.SCHEDULE, doc, signature, factory);
  }

  /**
   * The learning rate a {@link ParamType#LEARNING_RATE} argument gives: a number is a constant rate,
   * a schedule is what its built-in made.
   */
  public static LearningRate learningRate(Args args, String name) {
    Object value = args.get(name);
    return value instanceof LearningRate rate ? rate : LearningRate.constant(((Number) value).doubleValue());
  }

  private static Period period(Args args, String name) {
    return (Period) args.get(name);
  }
}
