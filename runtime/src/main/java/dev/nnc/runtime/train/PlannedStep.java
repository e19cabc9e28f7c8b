package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A planned step ({@link StepPlan}) as a {@link Step}, whichever job it comes from — a {@code step}
 * block, or a declarative job's one minimize: per batch, the runs in order (training mode, the step
 * number fed so random draws are new each step and the same within it, each minimize's learning
 * rate from its schedule), each minimized loss and each reported number checked finite. Stateful
 * layers carry their states from step to step and start each epoch from zeros. The job's
 * {@code every} blocks run after the steps and epochs they are due. Evaluated, the reported values
 * are computed in one run, in inference mode, with nothing updated and stateful layers from zeros.
 */
final class PlannedStep implements Step {
  private final Session session;
  private final StepPlan plan;
  private final long stepsPerEpoch;
  private final EveryBlocks every;
  /** For each run, the states of stateful layers it takes (see {@link StepPlan#carried}). */
  private final List<CarriedStates> states = new ArrayList<>();
  /** The reported numbers, each once, as evaluation fetches them. */
  private final List<Operand<TFloat32>> evaluated = new ArrayList<>();
  /** For each reported number, its place among {@link #evaluated}. */
  private final int[] evaluatedSlot;

  /** A step of {@code plan} for epochs of {@code stepsPerEpoch} steps (which learning-rate schedules read). */
  PlannedStep(Session session, StepPlan plan, long stepsPerEpoch, EveryBlocks every) {
    this.session = session;
    this.plan = plan;
    this.stepsPerEpoch = stepsPerEpoch;
    this.every = every;
    plan.carried().forEach(taken -> states.add(new CarriedStates(taken)));
    this.evaluatedSlot = new int[plan.parts().size()];
    for (int i = 0; i < evaluatedSlot.length; i++) {
      Operand<TFloat32> value = plan.parts().get(i);
      int at = evaluated.indexOf(value);
      if (at < 0) {
        at = evaluated.size();
        evaluated.add(value);
      }
      evaluatedSlot[i] = at;
    }
  }

  @Override
  public List<String> reported() {
    return plan.reported();
  }

  @Override
  public List<Metric.Aggregation> aggregations() {
    return plan.aggregations();
  }

  /** Every run in order, with the batch, the step number, the learning rates and the carried states fed. */
  @Override
  public double[] train(Batch batch, long step) {
    List<Tensor> fed = new ArrayList<>();
    try {
      for (FieldFeed feed : plan.feeds()) {
        fed.add(feed.tensor(batch));
      }
      TBool training = track(TBool.scalarOf(true), fed);
      TInt64 stepNumber = track(TInt64.scalarOf(step), fed);
      List<float[]> fetched = new ArrayList<>();
      for (int r = 0; r < plan.runs().size(); r++) {
        StepRun run = plan.runs().get(r);
        Session.Runner runner = session.runner()
            .feed(plan.net().training(), training)
            .feed(plan.net().step(), stepNumber);
        for (int i = 0; i < plan.feeds().size(); i++) {
          runner.feed(plan.feeds().get(i).placeholder(), fed.get(i));
        }
        for (StepRun.Rate rate : run.rates()) {
          runner.feed(rate.placeholder(), track(TFloat32.scalarOf((float) rate.schedule().at(step, stepsPerEpoch)), fed));
        }
        for (CarriedStates carried : states) {
          carried.feed(runner, batch.size(), fed);
        }
        if (run.target() != null) {
          runner.addTarget(run.target());
        }
        run.fetches().forEach(runner::fetch);
        CarriedStates taken = states.get(r);
        taken.fetch(runner);
        float[] values;
        try (Result result = runner.run()) {
          values = scalars(result, run.fetches().size());
          taken.hold(result, values.length);
        }
        fetched.add(values);
        if (run.minimized().isPresent()) {
          Step.requireFinite(run.minimized().get(), values[0]);
        }
      }
      states.forEach(CarriedStates::advance);
      return reportedValues(fetched);
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** The reported numbers among what each run fetched, each checked finite. */
  private double[] reportedValues(List<float[]> fetched) {
    double[] values = new double[plan.parts().size()];
    int report = 0;
    int width = 0;
    for (int i = 0; i < values.length; i++) {
      int[] slot = plan.slots().get(i);
      values[i] = fetched.get(slot[0])[slot[1]];
      Step.requireFinite(plan.reported().get(report), values[i]);
      if (++width == plan.aggregations().get(report).width()) {
        report++;
        width = 0;
      }
    }
    return values;
  }

  @Override
  public double[] evaluate(Batch batch) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (FieldFeed feed : plan.feeds()) {
        runner.feed(feed.placeholder(), track(feed.tensor(batch), fed));
      }
      evaluated.forEach(runner::fetch);
      try (Result result = runner.run()) {
        float[] fetched = scalars(result, evaluated.size());
        double[] values = new double[evaluatedSlot.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = fetched[evaluatedSlot[i]];
        }
        return values;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  @Override
  public void afterStep(long steps, Batch batch) {
    every.afterStep(steps, batch);
  }

  /** Stateful layers start every epoch from zeros; then the {@code every} blocks due run. */
  @Override
  public void afterEpoch(int epochs) {
    states.forEach(CarriedStates::reset);
    every.afterEpoch(epochs);
  }

  @Override
  public void afterRun(long steps) {
    every.afterRun(steps);
  }

  @Override
  public void resume(int epoch, int batch, long steps) {
    every.resume(epoch, batch, steps);
  }

  /** The first {@code count} results, scalars. */
  private static float[] scalars(Result result, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = ((TFloat32) result.get(i)).getFloat();
    }
    return values;
  }

  private static <T extends Tensor> T track(T tensor, List<Tensor> fed) {
    fed.add(tensor);
    return tensor;
  }
}
