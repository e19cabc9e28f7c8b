package dev.nnc.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of a run's checkpoints, one {@code ckpt-<step>} folder each. A checkpoint is written
 * under a temporary name and then renamed, an atomic step, so a crash while writing leaves a
 * temporary folder behind and never a half-written checkpoint under a checkpoint's name.
 */
final class CheckpointDir {
  /** The folder's name inside the log directory. */
  static final String NAME = "checkpoints";

  private static final Pattern CHECKPOINT = Pattern.compile("ckpt-(\\d{1,18})");
  private static final String TEMPORARY_SUFFIX = ".partial";

  /** Writes a checkpoint's files into a folder. */
  @FunctionalInterface
  interface Filler {
    void fill(Path dir) throws IOException;
  }

  private final Path root;

  CheckpointDir(Path logDir) {
    this.root = logDir.resolve(NAME);
  }

  Path root() {
    return root;
  }

  /** Deletes every checkpoint: a run that does not resume starts a new history. */
  void clear() {
    delete(root);
  }

  /** The checkpoints there are, newest (the most steps) first. */
  List<Path> newestFirst() {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(p -> step(p).isPresent() && Files.isDirectory(p))
          .sorted(Comparator.comparingLong((Path p) -> step(p).getAsLong()).reversed())
          .toList();
    } catch (IOException e) {
      throw cannot("read", root, e);
    }
  }

  /**
   * Writes the checkpoint of {@code step}: {@code filler} fills a temporary folder, which then takes
   * the checkpoint's name; afterwards only the newest {@code keep} checkpoints remain.
   */
  Path write(long step, int keep, Filler filler) {
    Path target = root.resolve("ckpt-" + step);
    Path temporary = root.resolve(target.getFileName() + TEMPORARY_SUFFIX);
    try {
      delete(temporary);
      Files.createDirectories(temporary);
      filler.fill(temporary);
      // Only a checkpoint that resuming passed over (damaged) can have this name already.
      delete(target);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw cannot("write", target, e);
    }
    newestFirst().stream().skip(keep).forEach(CheckpointDir::delete);
    return target;
  }

  private static OptionalLong step(Path dir) {
    Matcher m = CHECKPOINT.matcher(dir.getFileName().toString());
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  private static void delete(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(path)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new TrainException("cannot delete " + path + ": " + e.getMessage(), e);
    }
  }

  private static TrainException cannot(String what, Path path, IOException e) {
    return new TrainException("cannot " + what + " " + path + ": " + e.getMessage(), e);
  }
}
