package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Records;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop with pieces of a kind no job has yet, none of them TensorFlow: a source whose batches
 * change from epoch to epoch, as an environment's experience does; a step that reports a figure of
 * its batch; a rule that stops once that figure is reached. The loop gives them what it gives
 * every job: the epochs, the means, the validation pass, metrics.csv, the stop, the finiteness check.
 */
class RunLoopTest {
  @TempDir Path dir;

  /** Four records an epoch, each holding the reward epoch + 1, in batches of two. */
  private static final class Episodes implements BatchSource {
    @Override
    public long batchesPerEpoch() {
      return 2;
    }

    @Override
    public Iterator<Batch> batches(int epoch, int first) {
      double[][] rows = {{epoch + 1}, {epoch + 1}, {epoch + 1}, {epoch + 1}};
      return Records.of(List.of(Field.floats("reward", 1)), rows).batches(2, 0, epoch, first);
    }

    @Override
    public long records() {
      return 4;
    }
  }

  /** Reports the batch's mean reward, or, from epoch {@code failAt} on, a return that is NaN. */
  private static final class Returns implements Step {
    final List<Integer> epochsEnded = new ArrayList<>();
    final int failAt;

    Returns(int failAt) {
      this.failAt = failAt;
    }

    @Override
    public List<String> reported() {
      return List.of("return");
    }

    @Override
    public List<Metric.Aggregation> aggregations() {
      return List.of(Metric.Aggregation.MEAN);
    }

    @Override
    public double[] train(Batch batch, long step) {
      double reward = batch.floats("reward")[0];
      Step.requireFinite("the return", reward >= failAt ? Double.NaN : reward);
      return new double[] {reward};
    }

    @Override
    public double[] evaluate(Batch batch) {
      return new double[] {10 * batch.floats("reward")[0]};
    }

    @Override
    public void afterEpoch(int epochsDone) {
      epochsEnded.add(epochsDone);
    }
  }

  /** Stops once the epoch's return reaches {@code target}. */
  private static final class Reached implements StopRule {
    final double target;
    boolean finished;

    Reached(double target) {
      this.target = target;
    }

    @Override
    public boolean stopAfter(EpochResult result) {
      return result.value("return") >= target;
    }

    @Override
    public void finish() {
      finished = true;
    }

    @Override
    public Optional<EarlyStopper.State> state() {
      return Optional.empty();
    }
  }

  private RunLoop loop(Step step, Optional<BatchSource> validation, StopRule stop) {
    TrainOptions options = TrainOptions.builder().logDir(dir).out(new PrintStream(OutputStream.nullOutputStream())).build();
    List<String> columns = ReportedValues.withValidation(step.reported(), validation.isPresent());
    Fingerprint fingerprint = new Fingerprint("episodes", 1, 2, 4, columns, List.of(), "");
    RunFiles files = RunFiles.open(dir, fingerprint, Optional.empty(), TrainOptions.Start.NEW, validation.isPresent(), line -> {});
    return new RunLoop("episodes", Console.of(options), new Episodes(), validation, step, Optional.of(stop),
        RunLength.of(10, OptionalLong.empty(), 2, options), files, files.start(null, null));
  }

  @Test
  void aNewKindOfSourceStepAndStopRuleRunInTheLoop() throws Exception {
    Returns step = new Returns(Integer.MAX_VALUE);
    Reached stop = new Reached(3);
    RunLoop loop = loop(step, Optional.of(new Episodes()), stop);
    loop.run();
    assertEquals(3, loop.epochs().size(), "the rule stops the run after the epoch whose return is 3");
    for (int epoch = 0; epoch < 3; epoch++) {
      assertEquals(epoch + 1.0, loop.epochs().get(epoch).value("return"), 1e-9);
      assertEquals(10 * (epoch + 1.0), loop.epochs().get(epoch).value("val_return"), 1e-9);
    }
    assertEquals(List.of(1, 2, 3), step.epochsEnded);
    assertEquals(List.of(1.0, 1.0, 2.0, 2.0, 3.0, 3.0), loop.firstValues());
    assertTrue(stop.finished);
    List<String> csv = Files.readAllLines(dir.resolve("metrics.csv"));
    assertEquals(List.of("epoch,return,val_return", "0,1.0,10.0", "1,2.0,20.0", "2,3.0,30.0"), csv);
  }

  @Test
  void aValueThatBecomesNaNStopsTheRunSayingWhere() {
    RunLoop loop = loop(new Returns(2), Optional.empty(), new Reached(100));
    TrainException e = assertThrows(TrainException.class, loop::run);
    assertEquals("job episodes: the return became NaN at epoch 2, step 1; try a lower learning rate, or check the data",
        e.getMessage());
  }
}
