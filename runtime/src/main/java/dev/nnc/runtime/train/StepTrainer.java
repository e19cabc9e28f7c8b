package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.ImageGrid;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Runs a job with a custom step: per batch, the step's runs in order (training mode, the step number
 * fed so random draws are new each step and the same within it); after each epoch the means of the
 * reported values go to the progress line, {@code metrics.csv} and TensorBoard's event files; {@code every} blocks run when due
 * (and at the end, each that did not just run), in inference mode; checkpoints are written as the
 * job says; at the end the models named by {@code export} are written as SavedModels. A resumed run
 * first puts back the newest checkpoint and goes on from there, as if it had never stopped.
 */
public final class StepTrainer {
  /** Draws at most this many images of a batch: a 10 by 10 grid. */
  private static final int GRID_IMAGES = 100;

  private final StepSpec spec;
  private final Console console;
  private final Session session;
  private final StepGraph graph;
  private final Path logDir;
  private final long seed;
  private final long stepsPerEpoch;
  private final RunLength runLength;
  private final RunFiles files;
  private final Checkpointer checkpointer;
  private final List<Double> firstReported = new ArrayList<>();
  private final List<EpochResult> epochs = new ArrayList<>();
  private final Pace pace = new Pace();
  private int epoch;
  /** How many batches of the epoch under way are done. */
  private int batch;
  private long stepsDone;
  private WeightedMeans means;
  /** The step after which each {@code every} block last ran. */
  private final Map<StepRun.Hook, Long> hookRuns = new IdentityHashMap<>();
  /** The batch of the latest step, which {@code every} blocks read. */
  private Batch latest;

  private StepTrainer(StepSpec spec, TrainOptions options, Console console, Session session, StepGraph graph,
      long seed, RunFiles files, Checkpointer checkpointer) {
    this.spec = spec;
    this.console = console;
    this.session = session;
    this.graph = graph;
    this.logDir = options.logDir(spec.jobName());
    this.seed = seed;
    this.stepsPerEpoch = spec.data().batchCount(spec.batch());
    this.runLength = RunLength.of(spec.epochs(), spec.steps(), stepsPerEpoch, options);
    this.files = files;
    this.checkpointer = checkpointer;
    this.means = WeightedMeans.ofMeans(graph.reported().size());
    files.resumedState().ifPresent(this::goOnFrom);
  }

  /** Trains {@code spec} as {@code options} say; the user's errors come as {@link TrainException} or {@code DataException}. */
  public static TrainResult run(StepSpec spec, TrainOptions options) {
    return run(spec, options, JobDescription.none());
  }

  /**
   * The same, and writes {@code report.html} with what the compiler's {@code description} adds: the
   * layer table of each model and the settings as written.
   */
  public static TrainResult run(StepSpec spec, TrainOptions options, JobDescription description) {
    long start = System.nanoTime();
    long seed = options.seed().orElse(spec.seed());
    Console console = Console.of(options);
    try (Graph tfGraph = new Graph()) {
      StepGraph graph = StepGraph.build(tfGraph, spec, seed);
      Fingerprint fingerprint = Fingerprint.of(tfGraph, spec.jobName(), seed, spec.batch(), spec.data().size(),
          graph.reported());
      // The device first: a run refused one leaves the log directory as it was.
      try (Session session = options.device().open(tfGraph, sessionConfig());
          RunFiles files = RunFiles.open(options.logDir(spec.jobName()), fingerprint, spec.checkpoint(),
              options.start(), false, console::line)) {
        // A resumed run's checkpoint holds every weight, those a model started from included.
        if (files.resumed().isEmpty()) {
          graph.restores().forEach(restore -> restore.run(session));
        }
        Checkpointer checkpointer = files.start(session, graph.weightsFinite());
        StepTrainer trainer = new StepTrainer(spec, options, console, session, graph, seed, files, checkpointer);
        files.resumed().ifPresent(c -> console.line(c.resuming(trainer.moreToTrain())));
        trainer.train();
        RunFacts facts = trainer.facts(files.resumed().map(Checkpoint::dir), Duration.ofNanos(System.nanoTime() - start));
        spec.exports().forEach((model, dir) -> {
          StepGraph.ModelGraph io = graph.models().get(model);
          Path exported = SavedModelExport.export(session, io.inputs(), io.outputs(), dir, spec.jobName(), spec.source());
          console.line("exported " + model + " to " + exported);
          facts.put("exported " + model + " to", exported);
        });
        Trainer.writeReport(trainer.logDir, spec.jobName(), facts, description, Optional.empty());
        return new TrainResult(trainer.epochs, trainer.firstReported, Duration.ofNanos(System.nanoTime() - start));
      }
    }
  }

  /** The run's figures for its report, as they stand after training. */
  private RunFacts facts(Optional<Path> resumedFrom, Duration wallTime) {
    return new RunFacts(wallTime, resumedFrom)
        .put("epochs", epoch + " of " + runLength.epochs())
        .put("steps", stepsDone)
        .put("batch", spec.batch())
        .put("training records", spec.data().size())
        .put("seed", seed);
  }

  /**
   * Soft placement, as for declarative jobs; and no remapper: it fuses a convolution with its
   * activation, finds that the second model's gradients still name the unfused node, gives up and
   * prints an error on every run (measured with samples/gan/dcgan.nn).
   */
  private static ConfigProto sessionConfig() {
    return ConfigProto.newBuilder()
        .setAllowSoftPlacement(true)
        .setGraphOptions(GraphOptions.newBuilder()
            .setRewriteOptions(RewriterConfig.newBuilder().setRemapping(RewriterConfig.Toggle.OFF)))
        .build();
  }

  /**
   * Takes up where a checkpoint left off: its position and running means; the batch its last
   * step took, which an {@code every} block due before the next step reads; and the blocks that
   * ran after that step (those due then, the epoch's too if the checkpoint ends an epoch), which
   * the end of the run must not run again.
   */
  private void goOnFrom(RunState state) {
    epoch = state.epoch();
    batch = state.batch();
    stepsDone = state.step();
    means = WeightedMeans.ofMeans(state.sums(), state.examples());
    boolean afterEpoch = batch == 0 && epoch > 0;
    if (batch > 0 || afterEpoch) {
      int lastEpoch = afterEpoch ? epoch - 1 : epoch;
      int lastBatch = afterEpoch ? (int) stepsPerEpoch - 1 : batch - 1;
      latest = spec.data().batches(spec.batch(), seed, lastEpoch, lastBatch).next();
    }
    for (StepRun.Hook hook : graph.hooks()) {
      if (hook.dueAfterStep(stepsDone) || afterEpoch && hook.dueAfterEpoch(epoch)) {
        hookRuns.put(hook, stepsDone);
      }
    }
  }

  private boolean moreToTrain() {
    return runLength.moreToTrain(epoch, batch, stepsDone);
  }

  private void train() {
    while (moreToTrain()) {
      long start = System.nanoTime();
      trainRestOfEpoch();
      EpochResult result = new EpochResult(epoch, means.named(graph.reported(), ""), means.examples(),
          Duration.ofNanos(System.nanoTime() - start));
      files.csv().append(epoch, result.values());
      files.events().append(epoch, result.values());
      epochs.add(result);
      console.line(ProgressLine.format(result, runLength.epochs(), result.time().toNanos() / 1e9));
      boolean whole = batch == stepsPerEpoch;
      epoch++;
      batch = 0;
      means = WeightedMeans.ofMeans(graph.reported().size());
      for (StepRun.Hook hook : graph.hooks()) {
        if (hook.dueAfterEpoch(epoch)) {
          runHook(hook);
        }
      }
      // An epoch cut short by the step limit ends the run; a checkpoint of it would skip the rest.
      if (whole) {
        checkpointer.afterEpoch(epoch, this::state);
      }
    }
    for (StepRun.Hook hook : graph.hooks()) {
      if (hookRuns.getOrDefault(hook, -1L) != stepsDone) {
        runHook(hook);
      }
    }
  }

  /**
   * The batches of the epoch not yet trained on, or as many as the step limit leaves; the
   * {@code every} blocks due after a step run before its checkpoint is written, so a resumed run
   * never runs them twice.
   */
  private void trainRestOfEpoch() {
    int current = epoch;
    int first = batch;
    pace.startEpoch();
    try (Prefetcher batches = new Prefetcher(() -> spec.data().batches(spec.batch(), seed, current, first))) {
      while (stepsDone < runLength.stepLimit() && batches.hasNext()) {
        Batch next = batches.next();
        double[] values = step(next);
        latest = next;
        means.add(values, next.size());
        batch++;
        stepsDone++;
        pace.stepped(next.size());
        for (StepRun.Hook hook : graph.hooks()) {
          if (hook.dueAfterStep(stepsDone)) {
            runHook(hook);
          }
        }
        console.progress(this::status);
        checkpointer.afterStep(stepsDone, this::state);
      }
    }
    pace.endTraining();
  }

  /** The bar's figures; its running mean is the first reported value's, under that value's name. */
  private ProgressBar.Status status() {
    Optional<ProgressBar.Figure> figure = graph.reported().stream().findFirst()
        .map(name -> new ProgressBar.Figure(name, means.named(graph.reported(), "").get(name)));
    return pace.status(runLength, stepsPerEpoch, epoch, batch, stepsDone, figure);
  }

  private RunState state() {
    return new RunState(epoch, batch, stepsDone, means.sums(), means.examples(), false, Optional.empty());
  }

  /** One step: every run in order, with the batch, the step number and the learning rates fed. */
  private double[] step(Batch batch) {
    List<Tensor> fed = new ArrayList<>();
    try {
      for (FieldFeed feed : graph.feeds()) {
        fed.add(feed.tensor(batch));
      }
      TBool training = track(TBool.scalarOf(true), fed);
      TInt64 step = track(TInt64.scalarOf(stepsDone), fed);
      List<float[]> fetched = new ArrayList<>();
      for (StepRun run : graph.runs()) {
        Session.Runner runner = session.runner()
            .feed(graph.net().training(), training)
            .feed(graph.net().step(), step);
        for (int i = 0; i < graph.feeds().size(); i++) {
          runner.feed(graph.feeds().get(i).placeholder(), fed.get(i));
        }
        for (StepRun.Rate rate : run.rates()) {
          runner.feed(rate.placeholder(), track(TFloat32.scalarOf((float) rate.schedule().at(stepsDone, stepsPerEpoch)), fed));
        }
        if (run.target() != null) {
          runner.addTarget(run.target());
        }
        run.fetches().forEach(runner::fetch);
        float[] values = scalars(runner, run.fetches().size(), "step " + (stepsDone + 1));
        fetched.add(values);
        if (run.minimized().isPresent()) {
          requireFinite("the loss minimized for " + run.minimized().get(), values[0]);
        }
      }
      double[] values = new double[graph.reported().size()];
      for (int i = 0; i < values.length; i++) {
        int[] slot = graph.reportSlots().get(i);
        values[i] = fetched.get(slot[0])[slot[1]];
        requireFinite(graph.reported().get(i), values[i]);
      }
      if (values.length > 0) {
        firstReported.add(values[0]);
      }
      return values;
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Stops the run when {@code value}, fetched by the step under way, is NaN or infinite. */
  private void requireFinite(String what, double value) {
    if (!Double.isFinite(value)) {
      throw new TrainException("job " + spec.jobName() + ": " + what + " became " + value + " at epoch "
          + (epoch + 1) + ", step " + (batch + 1) + "; try a lower learning rate, or check the data"
          + checkpointer.lastGood());
    }
  }

  private float[] scalars(Session.Runner runner, int count, String where) {
    try (Result result = runner.run()) {
      float[] values = new float[count];
      for (int i = 0; i < count; i++) {
        values[i] = ((TFloat32) result.get(i)).getFloat();
      }
      return values;
    } catch (RuntimeException e) {
      throw new TrainException("job " + spec.jobName() + ": " + where + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * An {@code every} block, on the latest step's batch: its values printed, its pictures written
   * under the log directory.
   */
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
            .replace("{step}", Long.toString(stepsDone)).replace("{epoch}", Integer.toString(epoch)));
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
    images.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(values, false, false));
    ImageGrid.write(png, values, count, picture);
  }

  private static <T extends Tensor> T track(T tensor, List<Tensor> fed) {
    fed.add(tensor);
    return tensor;
  }
}
