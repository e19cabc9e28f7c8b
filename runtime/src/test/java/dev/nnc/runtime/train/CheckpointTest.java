package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nnc.runtime.train.EarlyStopping.Goal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Checkpoints and resuming: a run stopped after some steps (as a crash would stop it) and resumed
 * from its newest checkpoint must end exactly as a run that went straight through.
 */
class CheckpointTest {
  @TempDir Path dir;

  /**
   * XOR for 4 epochs of 8 steps with Adam (slots), validation and early stopping that keeps the best
   * weights (state and variables of its own), a checkpoint every 4 steps: the last at the end.
   */
  private static TrainSpec xor(Period every) {
    return Xor.spec()
        .validate(Xor.data(1))
        .epochs(4)
        .stop(new EarlyStopping("val_loss", Goal.MINIMIZE, 100, 0, true))
        .checkpoint(new CheckpointPolicy(every, 2))
        .build();
  }

  private TrainOptions.Builder options(String logDir) {
    return TrainOptions.builder().logDir(dir.resolve(logDir)).quiet(true);
  }

  private Path checkpoints(String logDir) {
    return dir.resolve(logDir).resolve(CheckpointDir.NAME);
  }

  private List<String> names(String logDir) throws IOException {
    try (Stream<Path> files = Files.list(checkpoints(logDir))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest(name = "stopped after {0} steps")
  @ValueSource(longs = {14, 8})
  void aResumedRunEndsExactlyAsAnUninterruptedOne(long stoppedAfter) throws IOException {
    TrainSpec spec = xor(Period.steps(4));
    TrainResult straight = Trainer.run(spec, options("straight").build());

    Trainer.run(spec, options("resumed").maxSteps(stoppedAfter).build());
    TrainResult resumed = Trainer.run(spec, options("resumed").resume(true).build());

    // Stopped after 14 steps, the run goes on from step 12, in the middle of the second epoch; after
    // 8, from the last step of the first epoch, whose validation is still to come.
    long from = stoppedAfter / 4 * 4;
    List<Double> after = straight.stepLosses().subList((int) from, 32);
    assertEquals(after, resumed.stepLosses());
    assertEquals(Files.readString(dir.resolve("straight/metrics.csv")),
        Files.readString(dir.resolve("resumed/metrics.csv")));
    assertArrayEquals(
        Files.readAllBytes(checkpoints("straight").resolve("ckpt-32/variables.data-00000-of-00001")),
        Files.readAllBytes(checkpoints("resumed").resolve("ckpt-32/variables.data-00000-of-00001")));
  }

  @Test
  void resumesFromACheckpointWrittenAfterAnEpoch() throws IOException {
    TrainSpec spec = xor(Period.epochs(1));
    Trainer.run(spec, options("straight").build());

    Trainer.run(spec, options("resumed").maxSteps(21).build());
    Trainer.run(spec, options("resumed").resume(true).build());

    assertEquals(Files.readString(dir.resolve("straight/metrics.csv")),
        Files.readString(dir.resolve("resumed/metrics.csv")));
    assertArrayEquals(
        Files.readAllBytes(checkpoints("straight").resolve("ckpt-32/variables.data-00000-of-00001")),
        Files.readAllBytes(checkpoints("resumed").resolve("ckpt-32/variables.data-00000-of-00001")));
  }

  @Test
  void earlyStoppingGoesOnWhereItWas() {
    // Stopped after epoch 3, whose val_distance 0.08 is no better than epoch 2's 0.02: one epoch
    // more without improvement stops the run, which puts back epoch 2's weights, as without the stop.
    Path export = dir.resolve("model");
    TrainSpec spec = EarlyStoppingTest.distanceSpec(true, export)
        .checkpoint(new CheckpointPolicy(Period.epochs(1), 1)).build();
    Trainer.run(spec, options("run").maxSteps(3).build());

    TrainResult resumed = Trainer.run(spec, options("run").resume(true).build());

    assertArrayEquals(new double[] {0.18}, Probe.perEpoch(resumed, "val_distance"), 1e-6);
    assertEquals(-0.2, EarlyStoppingTest.exportedKernel(export), 1e-6);
  }

  @Test
  void keepsTheNewestCheckpointsAndNothingHalfWritten() throws IOException {
    Trainer.run(xor(Period.epochs(1)), options("run").build());

    assertEquals(List.of("ckpt-24", "ckpt-32"), names("run"));
    assertEquals(List.of("metrics.csv", "state.properties", "variables.data-00000-of-00001", "variables.index"),
        Files.list(checkpoints("run").resolve("ckpt-32")).map(p -> p.getFileName().toString()).sorted().toList());
  }

  @Test
  void aNewRunRefusesToStartOverTheCheckpointsOfAnEarlierOne() throws IOException {
    Trainer.run(xor(Period.steps(4)), options("run").build());
    TrainException e = assertThrows(TrainException.class,
        () -> Trainer.run(xor(Period.epochs(1)), options("run").maxSteps(12).build()));

    assertTrue(e.getMessage().startsWith("job " + "xor" + ": " + dir.resolve("run")
        + " holds the checkpoints of an earlier run (job " + "xor" + ", step 32, written "), e.getMessage());
    assertTrue(e.getMessage().contains("--resume") && e.getMessage().contains("--fresh"), e.getMessage());
    assertEquals(List.of("ckpt-28", "ckpt-32"), names("run"));
  }

  @Test
  void aFreshRunMovesTheEarlierOneAsideAndPreviousKeepsTheNewestThree() throws IOException {
    Trainer.run(xor(Period.steps(4)), options("run").build());
    for (int i = 0; i < EarlierRun.KEEP + 1; i++) {
      Trainer.run(xor(Period.epochs(1)), options("run").maxSteps(12).fresh(true).build());
    }

    assertEquals(List.of("ckpt-8"), names("run"));
    List<Path> previous;
    try (Stream<Path> runs = Files.list(dir.resolve("run").resolve(EarlierRun.PREVIOUS))) {
      previous = runs.sorted().toList();
    }
    // The first run (ckpt-28, ckpt-32) was the oldest of four set aside, so it is the one pruned.
    assertEquals(EarlierRun.KEEP, previous.size(), previous::toString);
    for (Path run : previous) {
      assertEquals(List.of("checkpoints", "metrics.csv", "report.html", "train", "validation"),
          Files.list(run).map(p -> p.getFileName().toString()).sorted().toList());
      assertTrue(Files.isDirectory(run.resolve(CheckpointDir.NAME).resolve("ckpt-8")), run::toString);
    }
  }

  @Test
  void aSecondRunOnALockedLogDirectoryStopsAtOnceNamingTheHolder() throws IOException {
    try (LogDirLock held = LogDirLock.take(dir.resolve("run"), "other")) {
      TrainException e = assertThrows(TrainException.class, () -> Trainer.run(xor(Period.epochs(1)), options("run").build()));
      assertTrue(e.getMessage().contains(dir.resolve("run") + " is in use by another run (pid "
          + ProcessHandle.current().pid() + ", job other, started "), e.getMessage());
      assertTrue(e.getMessage().endsWith("wait for it to end, or give this run a log directory of its own with --log-dir"));
    }
    assertEquals(List.of(LogDirLock.FILE_NAME), Files.list(dir.resolve("run")).map(p -> p.getFileName().toString()).toList());
    Trainer.run(xor(Period.epochs(1)), options("run").build());
    assertEquals(List.of("ckpt-24", "ckpt-32"), names("run"));
  }

  @Test
  void resumingARunThatEndedTrainsNoMore() {
    TrainSpec spec = xor(Period.epochs(1));
    Trainer.run(spec, options("run").build());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    TrainResult again = Trainer.run(spec, options("run").quiet(false)
        .out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).resume(true).build());

    assertTrue(again.stepLosses().isEmpty());
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("resuming from " + checkpoints("run").resolve("ckpt-32")
        + " after epoch 4 (32 steps done); nothing is left to train"), out);
  }

  @Test
  void resumingNeedsACheckpoint() {
    TrainException e = assertThrows(TrainException.class,
        () -> Trainer.run(Xor.spec().build(), options("run").resume(true).build()));

    assertEquals("job xor: nothing to resume from: " + checkpoints("run")
        + " holds no checkpoint; the job writes none (add `checkpoint: every(1 epoch)`)", e.getMessage());
  }

  @Test
  void refusesTheCheckpointOfAnotherProgram() {
    Trainer.run(xor(Period.epochs(1)), options("run").maxSteps(8).build());
    TrainSpec otherSeed = Xor.spec().validate(Xor.data(1)).epochs(4).seed(8)
        .stop(new EarlyStopping("val_loss", Goal.MINIMIZE, 100, 0, true))
        .checkpoint(new CheckpointPolicy(Period.epochs(1), 2)).build();
    TrainSpec noValidation = Xor.spec().checkpoint(new CheckpointPolicy(Period.epochs(1), 2)).build();

    TrainException seed = assertThrows(TrainException.class,
        () -> Trainer.run(otherSeed, options("run").resume(true).build()));
    TrainException columns = assertThrows(TrainException.class,
        () -> Trainer.run(noValidation, options("run").resume(true).build()));

    assertEquals("job xor: cannot resume from " + checkpoints("run").resolve("ckpt-8")
        + ": it belongs to a different program or settings: the seed: 7 there, 8 here. "
        + "Train afresh, or resume with the program and settings that wrote it", seed.getMessage());
    assertTrue(columns.getMessage().contains(": the reported values: [loss, accuracy, val_loss, "
        + "val_accuracy] there, [loss, accuracy] here; variable best_weights/model.hidden.kernel [2, 8] "
        + "is only there; "), columns.getMessage());
    assertTrue(columns.getMessage().contains("; and 1 more variable. "), columns.getMessage());
  }

  @Test
  void namesTheVariablesThatDiffer() {
    CheckpointPolicy everyEpoch = new CheckpointPolicy(Period.epochs(1), 1);
    Trainer.run(Probe.spec(Probe.linear(1), 0).checkpoint(everyEpoch).build(), options("run").build());

    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(
        Probe.spec(Probe.linear(1, 1), 0, 0).checkpoint(everyEpoch).build(),
        options("run").resume(true).build()));

    assertTrue(e.getMessage().endsWith(": it belongs to a different program or settings: "
        + "variable model.kernel: [1] there, [2] here. "
        + "Train afresh, or resume with the program and settings that wrote it"), e.getMessage());
  }

  @Test
  void passesOverADamagedCheckpoint() throws IOException {
    TrainSpec spec = xor(Period.epochs(1));
    Trainer.run(spec, options("run").maxSteps(16).build());
    Files.delete(checkpoints("run").resolve("ckpt-16/state.properties"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    TrainResult resumed = Trainer.run(spec, options("run").quiet(false)
        .out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).resume(true).build());

    assertEquals(24, resumed.stepLosses().size());
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("passing over checkpoint " + checkpoints("run").resolve("ckpt-16")
        + " cannot be read: it has no state.properties", lines.get(0));
    assertEquals("resuming from " + checkpoints("run").resolve("ckpt-8")
        + " after epoch 1 (8 steps done)", lines.get(1));
  }

  /** TF would fail to restore it: a checkpoint whose weights' data file is missing is damaged too. */
  @Test
  void passesOverACheckpointWithoutItsVariablesData() throws IOException {
    TrainSpec spec = xor(Period.epochs(1));
    Trainer.run(spec, options("run").maxSteps(16).build());
    try (Stream<Path> files = Files.list(checkpoints("run").resolve("ckpt-16"))) {
      for (Path data : files.filter(f -> f.getFileName().toString().startsWith("variables.data-")).toList()) {
        Files.delete(data);
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Trainer.run(spec, options("run").quiet(false)
        .out(new PrintStream(bytes, true, StandardCharsets.UTF_8)).resume(true).build());

    assertEquals("passing over checkpoint " + checkpoints("run").resolve("ckpt-16")
        + " cannot be read: it has no variables.data-* file",
        bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
  }

  /** {@code sum(w) + 0 * sqrt(sum(w) + offset)}: falls by 1 a step at rate 1, and goes bad below -offset. */
  private static TensorFunction lossWithRoot(float offset) {
    return (net, values) -> {
      var tf = net.tf();
      Operand<TFloat32> sum = Probe.sum(net, values);
      return tf.math.add(sum, tf.math.mul(tf.constant(0f), tf.math.sqrt(tf.math.add(sum, tf.constant(offset)))));
    };
  }

  @Test
  void aNonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
    // w is 0, -1, -2, -3 before steps 1 to 4; step 4's loss takes the root of -0.5.
    TrainSpec spec = Probe.spec(lossWithRoot(2.5f), 0).data(Probe.records(10))
        .checkpoint(new CheckpointPolicy(Period.steps(1), 5)).build();

    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(spec, options("run").build()));

    assertEquals("job probe: the loss became NaN at epoch 1, step 4; try a lower learning rate, or check "
        + "the data; the last good checkpoint is " + checkpoints("run").resolve("ckpt-3"), e.getMessage());
    assertEquals(List.of("ckpt-1", "ckpt-2", "ckpt-3"), names("run"));
  }

  @Test
  void writesNoCheckpointOfWeightsThatAreNotFinite() throws IOException {
    // The loss |w| = sqrt(w * w) takes w from 1 to 0 in step 1; in step 2 the loss is 0 but its
    // gradient, 0.5 / sqrt(0) * 2 * 0, is NaN.
    TensorFunction size = (net, values) -> {
      Operand<TFloat32> w = Probe.sum(net, values);
      return net.tf().math.sqrt(net.tf().math.mul(w, w));
    };
    TrainSpec spec = Probe.spec(size, 1).data(Probe.records(10))
        .checkpoint(new CheckpointPolicy(Period.steps(1), 5)).build();

    TrainException e = assertThrows(TrainException.class, () -> Trainer.run(spec, options("run").build()));

    assertEquals("job probe: a weight became NaN or infinite by step 2, so no checkpoint was written; "
        + "try a lower learning rate, or check the data; the last good checkpoint is "
        + checkpoints("run").resolve("ckpt-1"), e.getMessage());
    assertEquals(List.of("ckpt-1"), names("run"));
    assertFalse(Files.exists(checkpoints("run").resolve("ckpt-2.partial")));
  }
}
