package dev.nnc.runtime.train;

import dev.nnc.runtime.report.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What an earlier run left in a log directory, which a new run that does not resume never deletes
 * unasked: with checkpoints there it refuses to start unless told {@code --fresh}, and then moves
 * the earlier run's files to {@code previous/<time>/} (the time its files were last written),
 * keeping the newest {@value #KEEP} such folders. The checkpoints move last, so a run killed while
 * moving leaves them where they were, and the next run refuses again rather than start over them.
 */
final class EarlierRun {
  static final String PREVIOUS = "previous";
  /** How many earlier runs {@code previous/} keeps. */
  static final int KEEP = 3;
  private static final DateTimeFormatter FOLDER =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private EarlierRun() {}

  /**
   * Readies {@code logDir} for a new history of {@code job}: refuses when it holds checkpoints and
   * not {@code fresh}; when {@code fresh}, moves the earlier run aside (told to {@code notes}).
   */
  static void setAside(Path logDir, CheckpointDir checkpoints, boolean fresh, String job, Consumer<String> notes) {
    List<Path> saved = checkpoints.newestFirst();
    if (!fresh) {
      if (!saved.isEmpty()) {
        throw new TrainException("job " + job + ": " + logDir + " holds the checkpoints of an earlier run ("
            + describe(saved.get(0)) + "); go on from them with --resume, or start afresh with --fresh, which moves"
            + " them aside to " + logDir.resolve(PREVIOUS) + "/");
      }
      return;
    }
    List<Path> files = new ArrayList<>();
    for (String name : List.of(MetricsCsv.FILE_NAME, RunReport.FILE_NAME, EventLog.TRAIN, EventLog.VALIDATION,
        CheckpointDir.NAME)) {
      if (Files.exists(logDir.resolve(name))) {
        files.add(logDir.resolve(name));
      }
    }
    if (files.isEmpty()) {
      return;
    }
    Path previous = logDir.resolve(PREVIOUS);
    String what = saved.isEmpty() ? "" : " (" + describe(saved.get(0)) + ")";
    try {
      Path aside = unused(previous.resolve(FOLDER.format(lastWritten(files).toInstant())));
      Files.createDirectories(aside);
      for (Path file : files) {
        Files.move(file, aside.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
      }
      notes.accept("moved the earlier run" + what + " to " + aside);
      prune(previous);
    } catch (IOException e) {
      throw new TrainException("cannot move the earlier run in " + logDir + " aside: " + e.getMessage(), e);
    }
  }

  /** "job xor, step 150, written 2026-12-04 18:30:12 UTC" for a checkpoint; its folder when unreadable. */
  private static String describe(Path checkpoint) {
    String written = Optional.ofNullable(modified(checkpoint)).map(t -> ", written " + LogDirLock.TIME.format(t.toInstant()))
        .orElse("");
    try {
      Checkpoint c = Checkpoint.read(checkpoint);
      return "job " + c.fingerprint().job() + ", step " + c.state().step() + written;
    } catch (Checkpoint.Damaged e) {
      return checkpoint.getFileName() + written;
    }
  }

  private static FileTime lastWritten(List<Path> files) throws IOException {
    FileTime last = FileTime.fromMillis(0);
    for (Path file : files) {
      FileTime t = Files.getLastModifiedTime(file);
      last = t.compareTo(last) > 0 ? t : last;
    }
    return last;
  }

  private static FileTime modified(Path path) {
    try {
      return Files.getLastModifiedTime(path);
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code folder}, or {@code folder-2}, {@code folder-3}... when an earlier run of that second is there. */
  private static Path unused(Path folder) {
    Path candidate = folder;
    for (int i = 2; Files.exists(candidate); i++) {
      candidate = folder.resolveSibling(folder.getFileName() + "-" + i);
    }
    return candidate;
  }

  /** Deletes all but the newest {@link #KEEP} earlier runs, each renamed first so none is left half there. */
  private static void prune(Path previous) throws IOException {
    List<Path> runs;
    try (Stream<Path> children = Files.list(previous)) {
      runs = children.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path run : runs) {
      if (run.getFileName().toString().endsWith(CheckpointDir.DELETING)) {
        CheckpointDir.delete(run);
      }
    }
    runs.stream().filter(r -> !r.getFileName().toString().endsWith(CheckpointDir.DELETING)).skip(KEEP)
        .forEach(CheckpointDir::discard);
  }
}
