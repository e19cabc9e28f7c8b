package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.rl.ActingState;
import dev.nnc.runtime.rl.ActionChoice;
import dev.nnc.runtime.rl.EpisodeStats;
import dev.nnc.runtime.rl.EpsilonGreedy;
import dev.nnc.runtime.rl.ReplayBuffer;
import dev.nnc.runtime.rl.Rng;
import dev.nnc.runtime.rl.Rollout;
import dev.nnc.runtime.rl.Transition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * One environment step of a job with {@code env:} and {@code replay:} as a {@link Step}: the policy
 * picks an action for the observation (at random during the warm-up), the transition goes into the
 * replay buffer, and when learning is due the job's own step ({@link PlannedStep}) trains {@code updates}
 * times on uniform batches of transitions. It reports {@code episode_return} and {@code episode_length}
 * (means over the last 100 finished episodes, as they stand at the end of each row), {@code epsilon}
 * where it applies, and the step's own values as means over the updates made (none before the warm-up
 * ends: 0). The {@code every} blocks see the latest transition as their batch.
 */
final class ActingStep implements Step {
  private final Session session;
  private final PlannedStep learning;
  private final ActingSpec spec;
  private final StepGraph.Policy policy;
  private final Rollout rollout;
  private final ActionChoice choice;
  private final ReplayBuffer replay;
  private final ReplayBuffer.Batch sampled;
  private final List<Field> fields;
  private final long seed;
  private final List<String> reported = new ArrayList<>();
  private final List<Metric.Aggregation> aggregations = new ArrayList<>();
  /** How many numbers the acting part reports ahead of the step's own. */
  private final int own;
  private Batch latest;

  ActingStep(Session session, PlannedStep learning, ActingSpec spec, StepGraph.Policy policy, int batch, long seed) {
    this.session = session;
    this.learning = learning;
    this.spec = spec;
    this.policy = policy;
    this.seed = seed;
    this.rollout = new Rollout(spec.environment().get(), Rng.derived(seed, 1).nextLong());
    this.choice = spec.act().apply(Rng.derived(seed, 2).nextLong());
    int observation = rollout.observation().length;
    this.replay = new ReplayBuffer(spec.replay(), observation, Rng.derived(seed, 3).nextLong());
    this.sampled = new ReplayBuffer.Batch(batch, observation);
    this.fields = spec.transitionFields();
    reported.addAll(reportedWith(learning.reported(), spec));
    own = reported.size() - learning.reported().size();
    for (int i = 0; i < own; i++) {
      aggregations.add(Metric.Aggregation.LAST);
    }
    // A value of the step is a mean over the updates made, which some environment steps have none of.
    learning.aggregations().forEach(a -> aggregations.add(Metric.Aggregation.RATIO));
  }

  /** What a job acting as {@code spec} reports, ahead of its step's {@code values}. */
  static List<String> reportedWith(List<String> values, ActingSpec spec) {
    return ReportedValues.acting(spec.act().apply(0) instanceof EpsilonGreedy, values);
  }

  @Override
  public List<String> reported() {
    return reported;
  }

  @Override
  public List<Metric.Aggregation> aggregations() {
    return aggregations;
  }

  @Override
  public double[] train(Batch clock, long step) {
    float[] state = rollout.observation();
    int action = step < spec.warmup() ? Rng.derived(seed, 4 + step).nextInt(spec.actions()) : choice.choose(values(state), step);
    Transition transition = rollout.act(action);
    replay.add(transition);
    latest = single(transition);
    double[] values = new double[aggregations.size() + learning.aggregations().size()];
    EpisodeStats stats = rollout.stats();
    values[0] = stats.meanReturn();
    values[1] = stats.meanLength();
    if (choice instanceof EpsilonGreedy e) {
      values[2] = e.epsilon(step);
    }
    long done = step + 1;
    if (done > spec.warmup() && done % spec.learnEvery() == 0) {
      for (int u = 0; u < spec.updates(); u++) {
        replay.sample(sampled);
        double[] learned = learning.train(batchOf(sampled), step);
        addRatios(values, learned);
      }
    }
    return values;
  }

  /** Adds the step's values after the acting ones: a mean's value with a count of 1, a ratio's two parts as they are. */
  private void addRatios(double[] values, double[] learned) {
    int at = own;
    int from = 0;
    for (Metric.Aggregation a : learning.aggregations()) {
      if (a == Metric.Aggregation.RATIO) {
        values[at] += learned[from];
        values[at + 1] += learned[from + 1];
      } else {
        values[at] += learned[from];
        values[at + 1] += 1;
      }
      at += 2;
      from += a.width();
    }
  }

  /** The policy's per-action values for one observation. */
  private float[] values(float[] state) {
    try (TFloat32 fed = TFloat32.tensorOf(Shape.of(1, state.length), DataBuffers.of(state, true, false));
        Result result = session.runner().feed(policy.state(), fed).fetch(policy.values()).run()) {
      TFloat32 out = (TFloat32) result.get(0);
      float[] values = new float[(int) out.size()];
      out.copyTo(DataBuffers.of(values, false, false));
      if (values.length != spec.actions()) {
        throw new TrainException("act: chose from " + values.length + " values, but the environment has "
            + spec.actions() + " actions");
      }
      return values;
    }
  }

  private Batch batchOf(ReplayBuffer.Batch b) {
    Map<Field, Object> columns = new LinkedHashMap<>();
    columns.put(fields.get(0), b.state);
    columns.put(fields.get(1), b.action);
    columns.put(fields.get(2), b.reward);
    columns.put(fields.get(3), b.nextState);
    columns.put(fields.get(4), b.done);
    return Batch.of(b.size, columns);
  }

  private Batch single(Transition t) {
    ReplayBuffer.Batch one = new ReplayBuffer.Batch(1, t.state().length);
    System.arraycopy(t.state(), 0, one.state, 0, t.state().length);
    System.arraycopy(t.nextState(), 0, one.nextState, 0, t.nextState().length);
    one.action[0] = t.action();
    one.reward[0] = t.reward();
    one.done[0] = t.terminated() ? 1 : 0;
    return batchOf(one);
  }

  @Override
  public double[] evaluate(Batch batch) {
    throw new UnsupportedOperationException("a job that learns by acting has no validation data");
  }

  @Override
  public void afterStep(long stepsDone, Batch clock) {
    learning.afterStep(stepsDone, latest);
  }

  @Override
  public void afterEpoch(int epochsDone) {
    learning.afterEpoch(epochsDone);
  }

  @Override
  public void afterRun(long stepsDone) {
    learning.afterRun(stepsDone);
  }

  @Override
  public void resume(int epoch, int batch, long stepsDone) {
    learning.resume(epoch, batch, stepsDone);
  }

  /** The episodes, the action choice's random state and the replay buffer, beside the weights. */
  @Override
  public void saveState(Path folder) {
    try {
      acting().save(folder.resolve(ActingState.FILE_NAME));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void restoreState(Path folder) {
    Path file = folder.resolve(ActingState.FILE_NAME);
    try {
      acting().restore(file);
    } catch (IOException e) {
      throw new TrainException("cannot resume from " + folder + ": " + e.getMessage(), e);
    }
  }

  private ActingState acting() {
    return new ActingState(rollout, choice, replay, null);
  }
}
