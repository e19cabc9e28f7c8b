package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.rl.ActionChoice;
import dev.nnc.runtime.rl.Environment;
import dev.nnc.runtime.rl.Transition;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.tensorflow.Operand;

/**
 * What a job with {@code env:} (LANGUAGE.md §7.5) adds to a step job: the environment, the value
 * {@code act:} chooses from (built on the observation, {@code state}, by the generated code), how it
 * chooses (made from a seed), and the replay settings: the last {@code replay} transitions kept, random
 * actions for the first {@code warmup} environment steps, then {@code updates} steps on uniform batches
 * every {@code learnEvery} environment steps.
 */
public record ActingSpec(Supplier<Environment> environment, int[] observation, int actions,
    Function<StepBuilder, Operand<?>> policy, LongFunction<ActionChoice> act, int replay, long warmup,
    int learnEvery, int updates) {
  /** The rows of {@code metrics.csv}, one per this many environment steps. */
  public static final int LOG_EVERY = 1000;

  public ActingSpec {
    SpecCheck check = new SpecCheck("env");
    check.require(actions > 0, "an environment needs at least one action, not " + actions);
    check.require(replay > 0, "replay must keep at least one transition, not " + replay);
    check.require(warmup >= 0, "warmup must not be negative, not " + warmup);
    check.require(learnEvery > 0 && updates > 0, "learn_every and updates must be positive, not " + learnEvery
        + " and " + updates);
    observation = observation.clone();
  }

  /** The fields of a transition, which the step reads: {@code state, action, reward, next_state, done}. */
  public List<Field> transitionFields() {
    return Transition.fields(observation);
  }

  /** The observation as the policy reads it. */
  Field stateField() {
    return transitionFields().get(0);
  }
}
