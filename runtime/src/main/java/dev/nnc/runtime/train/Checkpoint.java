package dev.nnc.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.tensorflow.Session;

/**
 * One checkpoint, a folder: every variable of the session ({@code variables.*}: the weights,
 * batch-norm statistics, optimizer slots and early stopping's best weights), {@code metrics.csv} as
 * it stood,
 * and {@code state.properties}: the {@link RunState} and the {@link Fingerprint} of the run that
 * wrote it.
 */
record Checkpoint(Path dir, Fingerprint fingerprint, RunState state) {
  /** The prefix of the variables' files: TF writes {@code variables.index} and the data beside it. */
  private static final String VARIABLES = "variables";
  private static final String VARIABLES_INDEX = VARIABLES + ".index";
  /** The start of the name of each of the variables' data files (shards). */
  private static final String VARIABLES_DATA = VARIABLES + ".data-";
  private static final String STATE = "state.properties";
  /** The version of this layout, so that a later nnc can tell a checkpoint it cannot read. */
  private static final String FORMAT_KEY = "nnc.checkpoint";
  private static final int FORMAT = 1;

  /** Writes a checkpoint's files into {@code dir}. */
  static void write(Path dir, Session session, MetricsCsv csv, Fingerprint fingerprint, RunState state)
      throws IOException {
    try {
      session.save(dir.resolve(VARIABLES).toString());
    } catch (RuntimeException e) {
      throw new IOException("cannot save the variables: " + e.getMessage(), e);
    }
    csv.copyTo(dir.resolve(MetricsCsv.FILE_NAME));
    StateProperties properties = StateProperties.empty();
    properties.put(FORMAT_KEY, FORMAT);
    fingerprint.write(properties);
    state.write(properties);
    properties.write(dir.resolve(STATE), "nnc checkpoint of job " + fingerprint.job());
  }

  /** The checkpoint in {@code dir}; {@link Damaged} when a file is missing or unreadable. */
  static Checkpoint read(Path dir) {
    for (String file : List.of(VARIABLES_INDEX, MetricsCsv.FILE_NAME, STATE)) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        throw new Damaged(dir, "it has no " + file);
      }
    }
    if (!hasVariablesData(dir)) {
      throw new Damaged(dir, "it has no " + VARIABLES_DATA + "* file");
    }
    try {
      StateProperties properties = StateProperties.read(dir.resolve(STATE));
      if (properties.intValue(FORMAT_KEY) != FORMAT) {
        throw new Damaged(dir, "it was written by another version of nnc");
      }
      return new Checkpoint(dir, Fingerprint.read(properties), RunState.read(properties));
    } catch (IOException | StateProperties.Malformed e) {
      throw new Damaged(dir, e.getMessage());
    }
  }

  private static boolean hasVariablesData(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith(VARIABLES_DATA));
    } catch (IOException e) {
      throw new Damaged(dir, e.getMessage());
    }
  }

  /**
   * The newest checkpoint of {@code dir} that can be read, passing over (and reporting to
   * {@code skipped}) newer ones that cannot; empty when there is none.
   */
  static Optional<Checkpoint> newest(CheckpointDir dir, Consumer<String> skipped) {
    for (Path candidate : dir.newestFirst()) {
      try {
        return Optional.of(read(candidate));
      } catch (Damaged e) {
        skipped.accept("passing over " + e.getMessage());
      }
    }
    return Optional.empty();
  }

  /**
   * The newest readable checkpoint of {@code dir}, written by this very program ({@code here}): the
   * only one to resume from. {@code writes} says whether the job writes checkpoints at all, for
   * the message when there is none; passed-over checkpoints are reported to {@code notes}.
   */
  static Checkpoint resumePoint(CheckpointDir dir, Fingerprint here, boolean writes, Consumer<String> notes) {
    Checkpoint checkpoint = newest(dir, notes)
        .orElseThrow(() -> new TrainException("job " + here.job() + ": nothing to resume from: "
            + dir.root() + " holds no checkpoint"
            + (writes ? "" : "; the job writes none (add `checkpoint: every(1 epoch)`)")));
    checkpoint.requireWrittenBy(here);
    return checkpoint;
  }

  /**
   * The line a resumed run starts with: where it goes on from, and, unless {@code more} (training
   * is left to do), that nothing is.
   */
  String resuming(boolean more) {
    String where = state.batch() == 0 ? "after epoch " + state.epoch()
        : "at step " + state.batch() + " of epoch " + (state.epoch() + 1);
    return "resuming from " + dir + " " + where + " (" + state.step() + " steps done)"
        + (more ? "" : "; nothing is left to train");
  }

  /** Refuses, naming every difference, unless the program that wrote this checkpoint is {@code here}'s. */
  void requireWrittenBy(Fingerprint here) {
    List<String> differences = fingerprint.differences(here);
    if (!differences.isEmpty()) {
      throw new TrainException("job " + here.job() + ": cannot resume from " + dir
          + ": it belongs to a different program or settings: " + String.join("; ", differences)
          + ". Train afresh, or resume with the program and settings that wrote it");
    }
  }

  /** Puts the checkpoint's values into every variable of {@code session}. */
  void restore(Session session) {
    try {
      session.restore(dir.resolve(VARIABLES).toString());
    } catch (RuntimeException e) {
      throw new TrainException("cannot restore the variables of " + dir + ": " + e.getMessage(), e);
    }
  }

  Path metrics() {
    return dir.resolve(MetricsCsv.FILE_NAME);
  }

  /** A checkpoint that cannot be read. */
  static final class Damaged extends TrainException {
    Damaged(Path dir, String why) {
      super("checkpoint " + dir + " cannot be read: " + why);
    }
  }
}
