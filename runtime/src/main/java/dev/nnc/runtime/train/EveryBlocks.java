package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.ImageGrid;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A job's {@code every} blocks: each runs when due (and at the end of the run, each that did not
 * just run), in inference mode, on the batch of the latest step; its values are printed, its
 * pictures written under the log directory.
 */
final class EveryBlocks {
  /** Draws at most this many images of a batch: a 10 by 10 grid. */
  private static final int GRID_IMAGES = 100;

  private final Session session;
  private final List<FieldFeed> feeds;
  private final List<StepRun.Hook> hooks;
  private final BatchSource data;
  private final Path logDir;
  private final Console console;
  /** The step after which each block last ran. */
  private final Map<StepRun.Hook, Long> hookRuns = new IdentityHashMap<>();
  /** The batch of the latest step, which the blocks read. */
  private Batch latest;
  /** The run's steps done, which the blocks print and name their pictures by. */
  private long stepsDone;
  private int epochsDone;

  EveryBlocks(Session session, List<FieldFeed> feeds, List<StepRun.Hook> hooks, BatchSource data, Path logDir,
      Console console) {
    this.session = session;
    this.feeds = feeds;
    this.hooks = hooks;
    this.data = data;
    this.logDir = logDir;
    this.console = console;
  }

  /** No blocks: a declarative job's. */
  static EveryBlocks none() {
    return new EveryBlocks(null, List.of(), List.of(), null, null, null);
  }

  /** The blocks due after a step run before its checkpoint is written, so a resumed run never runs them twice. */
  void afterStep(long steps, Batch batch) {
    stepsDone = steps;
    latest = batch;
    for (StepRun.Hook hook : hooks) {
      if (hook.dueAfterStep(steps)) {
        run(hook);
      }
    }
  }

  void afterEpoch(int epochs) {
    epochsDone = epochs;
    for (StepRun.Hook hook : hooks) {
      if (hook.dueAfterEpoch(epochs)) {
        run(hook);
      }
    }
  }

  void afterRun(long steps) {
    for (StepRun.Hook hook : hooks) {
      if (hookRuns.getOrDefault(hook, -1L) != steps) {
        run(hook);
      }
    }
  }

  /**
   * Takes up where a checkpoint left off: the batch its last step took, which a block due before
   * the next step reads; and the blocks that ran after that step (those due then, the epoch's too if
   * the checkpoint ends an epoch), which the end of the run must not run again.
   */
  void resume(int epoch, int batch, long steps) {
    if (hooks.isEmpty()) {
      return;
    }
    stepsDone = steps;
    epochsDone = epoch;
    boolean afterEpoch = batch == 0 && epoch > 0;
    if (batch > 0 || afterEpoch) {
      int lastEpoch = afterEpoch ? epoch - 1 : epoch;
      int lastBatch = afterEpoch ? (int) data.batchesPerEpoch() - 1 : batch - 1;
      latest = data.batches(lastEpoch, lastBatch).next();
    }
    for (StepRun.Hook hook : hooks) {
      if (hook.dueAfterStep(steps) || afterEpoch && hook.dueAfterEpoch(epoch)) {
        hookRuns.put(hook, steps);
      }
    }
  }

  private void run(StepRun.Hook hook) {
    hookRuns.put(hook, stepsDone);
    if (hook.reports().isEmpty() && hook.grids().isEmpty()) {
      // Only syncs: nothing to feed, fetch or print.
      sync(hook);
      return;
    }
    if (latest == null) {
      return;
    }
    List<Tensor> fed = new ArrayList<>();
    Session.Runner runner = session.runner();
    for (FieldFeed feed : feeds) {
      Tensor tensor = feed.tensor(latest);
      fed.add(tensor);
      runner.feed(feed.placeholder(), tensor);
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
    sync(hook);
  }

  private void sync(StepRun.Hook hook) {
    if (!hook.syncs().isEmpty()) {
      Session.Runner runner = session.runner();
      hook.syncs().forEach(s -> runner.addTarget(s.op()));
      runner.run().close();
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
}
