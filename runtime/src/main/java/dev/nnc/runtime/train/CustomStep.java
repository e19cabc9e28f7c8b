package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.ImageGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A job's own {@code step} block as a {@link Step}: per batch, the step's runs in order (training
 * mode, the step number fed so random draws are new each step and the same within it), each
 * minimized loss and each reported value checked finite; {@code every} blocks run when due (and at
 * the end, each that did not just run), in inference mode, on the latest step's batch. Stateful
 * layers applied in the step carry their states from step to step, as in a declarative job, and
 * start each epoch from zeros. Evaluated, the step's reported values are computed in one run, in
 * inference mode, with nothing updated and stateful layers from zeros.
 */
final class CustomStep implements Step {
  /** Draws at most this many images of a batch: a 10 by 10 grid. */
  private static final int GRID_IMAGES = 100;

  private final Session session;
  private final StepGraph graph;
  private final BatchSource data;
  private final Path logDir;
  private final Console console;
  private final long stepsPerEpoch;
  /** The step after which each {@code every} block last ran. */
  private final Map<StepRun.Hook, Long> hookRuns = new IdentityHashMap<>();
  /** For each run, the states of stateful layers it takes (see {@link StepGraph#carried}). */
  private final List<CarriedStates> states = new ArrayList<>();
  /** The reported values, each once, as evaluation fetches them. */
  private final List<Operand<TFloat32>> evaluated = new ArrayList<>();
  /** For each reported value, its place among {@link #evaluated}. */
  private final int[] evaluatedSlot;
  /** The batch of the latest step, which {@code every} blocks read. */
  private Batch latest;
  /** The run's steps done, which {@code every} blocks print and name their pictures by. */
  private long stepsDone;
  private int epochsDone;

  CustomStep(Session session, StepGraph graph, BatchSource data, Path logDir, Console console) {
    this.session = session;
    this.graph = graph;
    this.data = data;
    this.logDir = logDir;
    this.console = console;
    this.stepsPerEpoch = data.batchesPerEpoch();
    graph.carried().forEach(taken -> states.add(new CarriedStates(taken)));
    this.evaluatedSlot = new int[graph.reported().size()];
    for (int i = 0; i < evaluatedSlot.length; i++) {
      int[] slot = graph.reportSlots().get(i);
      Operand<TFloat32> value = graph.runs().get(slot[0]).fetches().get(slot[1]);
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
    return graph.reported();
  }

  @Override
  public List<Metric.Aggregation> aggregations() {
    return Collections.nCopies(graph.reported().size(), Metric.Aggregation.MEAN);
  }

  /** Every run in order, with the batch, the step number and the learning rates fed. */
  @Override
  public double[] train(Batch batch, long step) {
    List<Tensor> fed = new ArrayList<>();
    try {
      for (FieldFeed feed : graph.feeds()) {
        fed.add(feed.tensor(batch));
      }
      TBool training = track(TBool.scalarOf(true), fed);
      TInt64 stepNumber = track(TInt64.scalarOf(step), fed);
      List<float[]> fetched = new ArrayList<>();
      for (int r = 0; r < graph.runs().size(); r++) {
        StepRun run = graph.runs().get(r);
        Session.Runner runner = session.runner()
            .feed(graph.net().training(), training)
            .feed(graph.net().step(), stepNumber);
        for (int i = 0; i < graph.feeds().size(); i++) {
          runner.feed(graph.feeds().get(i).placeholder(), fed.get(i));
        }
        for (StepRun.Rate rate : run.rates()) {
          runner.feed(rate.placeholder(), track(TFloat32.scalarOf((float) rate.schedule().at(step, stepsPerEpoch)), fed));
        }
        if (run.target() != null) {
          runner.addTarget(run.target());
        }
        for (CarriedStates carried : states) {
          carried.feed(runner, batch.size(), fed);
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
          Step.requireFinite("the loss minimized for " + run.minimized().get(), values[0]);
        }
      }
      states.forEach(CarriedStates::advance);
      double[] values = new double[graph.reported().size()];
      for (int i = 0; i < values.length; i++) {
        int[] slot = graph.reportSlots().get(i);
        values[i] = fetched.get(slot[0])[slot[1]];
        Step.requireFinite(graph.reported().get(i), values[i]);
      }
      return values;
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  @Override
  public double[] evaluate(Batch batch) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (FieldFeed feed : graph.feeds()) {
        runner.feed(feed.placeholder(), track(feed.tensor(batch), fed));
      }
      evaluated.forEach(runner::fetch);
      float[] fetched;
      try (Result result = runner.run()) {
        fetched = scalars(result, evaluated.size());
      }
      double[] values = new double[evaluatedSlot.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = fetched[evaluatedSlot[i]];
      }
      return values;
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** The {@code every} blocks due after a step run before its checkpoint is written, so a resumed run never runs them twice. */
  @Override
  public void afterStep(long steps, Batch batch) {
    stepsDone = steps;
    latest = batch;
    for (StepRun.Hook hook : graph.hooks()) {
      if (hook.dueAfterStep(steps)) {
        runHook(hook);
      }
    }
  }

  /** Stateful layers start every epoch from zeros; then the {@code every} blocks due run. */
  @Override
  public void afterEpoch(int epochs) {
    epochsDone = epochs;
    states.forEach(CarriedStates::reset);
    for (StepRun.Hook hook : graph.hooks()) {
      if (hook.dueAfterEpoch(epochs)) {
        runHook(hook);
      }
    }
  }

  @Override
  public void afterRun(long steps) {
    for (StepRun.Hook hook : graph.hooks()) {
      if (hookRuns.getOrDefault(hook, -1L) != steps) {
        runHook(hook);
      }
    }
  }

  /**
   * Takes up where a checkpoint left off: the batch its last step took, which an {@code every}
   * block due before the next step reads; and the blocks that ran after that step (those due then,
   * the epoch's too if the checkpoint ends an epoch), which the end of the run must not run again.
   */
  @Override
  public void resume(int epoch, int batch, long steps) {
    stepsDone = steps;
    epochsDone = epoch;
    boolean afterEpoch = batch == 0 && epoch > 0;
    if (batch > 0 || afterEpoch) {
      int lastEpoch = afterEpoch ? epoch - 1 : epoch;
      int lastBatch = afterEpoch ? (int) stepsPerEpoch - 1 : batch - 1;
      latest = data.batches(lastEpoch, lastBatch).next();
    }
    for (StepRun.Hook hook : graph.hooks()) {
      if (hook.dueAfterStep(steps) || afterEpoch && hook.dueAfterEpoch(epoch)) {
        hookRuns.put(hook, steps);
      }
    }
  }

  /** The first {@code count} results, scalars. */
  private static float[] scalars(Result result, int count) {
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      values[i] = ((TFloat32) result.get(i)).getFloat();
    }
    return values;
  }

  /** An {@code every} block, on the latest step's batch: its values printed, its pictures written under the log directory. */
  private void runHook(StepRun.Hook hook) {
    hookRuns.put(hook, stepsDone);
    if (latest == null) {
      return;
    }
    List<Tensor> fed = new ArrayList<>();
    Session.Runner runner = session.runner();
    for (FieldFeed feed : graph.feeds()) {
      runner.feed(feed.placeholder(), track(feed.tensor(latest), fed));
    }
    hook.reports().forEach(r -> runner.fetch(r.value()));
    hook.grids().forEach(g -> runner.fetch(g.images()));
    try (Result result = runner.run()) {
      StringBuilder line = new StringBuilder("step ").append(stepsDone);
      for (int i = 0; i < hook.reports().size(); i++) {
        line.append(String.format(Locale.ROOT, "  %s %.4f", hook.reports().get(i).name(),
            ((TFloat32) result.get(i)).getFloat()));
      }
      for (int i = 0; i < hook.grids().size(); i++) {
        TFloat32 images = (TFloat32) result.get(hook.reports().size() + i);
        Path png = logDir.resolve(hook.grids().get(i).path()
            .replace("{step}", Long.toString(stepsDone)).replace("{epoch}", Integer.toString(epochsDone)));
        writeGrid(images, png);
        line.append("  wrote ").append(png);
      }
      console.line(line.toString());
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  private static void writeGrid(TFloat32 images, Path png) {
    long[] shape = images.shape().asArray();
    int count = (int) Math.min(shape[0], GRID_IMAGES);
    int[] picture = switch (shape.length) {
      case 2 -> {
        int side = (int) Math.round(Math.sqrt(shape[1]));
        yield new int[] {side, side, 1};
      }
      case 3 -> new int[] {(int) shape[1], (int) shape[2], 1};
      default -> new int[] {(int) shape[1], (int) shape[2], (int) shape[3]};
    };
    float[] values = new float[Math.toIntExact(images.size())];
    images.copyTo(DataBuffers.of(values, false, false));
    ImageGrid.write(png, values, count, picture);
  }

  private static <T extends Tensor> T track(T tensor, List<Tensor> fed) {
    fed.add(tensor);
    return tensor;
  }
}
