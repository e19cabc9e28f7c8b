package dev.nnc.runtime.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of a run's checkpoints, one {@code ckpt-<step>} folder each. A folder with a
 * checkpoint's name is always whole, whenever the process is killed:
 *
 * <ul>
 *   <li>a checkpoint is written into {@code ckpt-<step>.partial}; its files and the folder are
 *       synced to the disk, it is renamed to {@code ckpt-<step>} (an atomic step), and the folder
 *       of checkpoints is synced so that the rename itself survives a power cut;
 *   <li>a checkpoint is deleted (pruned, or passed over as damaged) by first renaming it to
 *       {@code ckpt-<step>.deleting} and only then deleting its files, so a kill halfway leaves
 *       a temporary folder and never a checkpoint that lacks some of its files;
 *   <li>clearing renames the whole folder of checkpoints before deleting it.
 * </ul>
 *
 * Temporary folders ({@code .partial}, {@code .deleting}) are never read as checkpoints, and the
 * next write removes those a killed run left behind.
 */
final class CheckpointDir {
  /** The folder's name inside the log directory. */
  static final String NAME = "checkpoints";

  private static final Pattern CHECKPOINT = Pattern.compile("ckpt-(\\d{1,18})");
  /** The suffix of a folder being written, which a kill may leave and the next write removes. */
  static final String PARTIAL = ".partial";
  /** The suffix of a folder being deleted, renamed so that it is never read as what it was. */
  static final String DELETING = ".deleting";
  /** Windows cannot open a folder to sync it. */
  private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

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
    Path doomed = root.resolveSibling(NAME + DELETING);
    delete(doomed);
    if (Files.exists(root)) {
      try {
        Files.move(root, doomed, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw cannot("delete", root, e);
      }
      delete(doomed);
    }
  }

  /** The checkpoints there are, newest (the most steps) first; temporary folders are none. */
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
    Path temporary = root.resolve(target.getFileName() + PARTIAL);
    try {
      createRoot();
      removeLeftovers();
      Files.createDirectory(temporary);
      filler.fill(temporary);
      syncTree(temporary);
      // Only a checkpoint that resuming passed over (damaged) can have this name already.
      discard(target);
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(root);
    } catch (IOException e) {
      throw cannot("write", target, e);
    }
    newestFirst().stream().skip(keep).forEach(CheckpointDir::discard);
    return target;
  }

  private void createRoot() throws IOException {
    if (!Files.isDirectory(root)) {
      Files.createDirectories(root);
      syncDirectory(root.toAbsolutePath().getParent());
    }
  }

  /** Deletes the temporary folders that a killed run left: {@code .partial} and {@code .deleting}. */
  private void removeLeftovers() throws IOException {
    delete(root.resolveSibling(NAME + DELETING));
    try (Stream<Path> children = Files.list(root)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.endsWith(PARTIAL) || name.endsWith(DELETING)) {
          delete(child);
        }
      }
    }
  }

  /** Deletes a folder so that no moment leaves it under its name with only some of its files. */
  static void discard(Path checkpoint) {
    if (!Files.exists(checkpoint)) {
      return;
    }
    Path doomed = checkpoint.resolveSibling(checkpoint.getFileName() + DELETING);
    delete(doomed);
    try {
      Files.move(checkpoint, doomed, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw cannot("delete", checkpoint, e);
    }
    delete(doomed);
  }

  /** Forces every file and folder under {@code dir} to the disk, the folder itself last. */
  static void syncTree(Path dir) throws IOException {
    List<Path> tree;
    try (Stream<Path> walk = Files.walk(dir)) {
      tree = walk.sorted(Comparator.reverseOrder()).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    for (Path p : tree) {
      if (Files.isDirectory(p)) {
        syncDirectory(p);
      } else {
        try (FileChannel channel = FileChannel.open(p, StandardOpenOption.WRITE)) {
          channel.force(true);
        }
      }
    }
  }

  /**
   * Forces a folder's entries (names created, renamed or deleted in it) to the disk. On Linux and
   * macOS a folder opens for reading and syncs; on Windows nothing is done.
   */
  static void syncDirectory(Path dir) throws IOException {
    if (WINDOWS) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static OptionalLong step(Path dir) {
    Matcher m = CHECKPOINT.matcher(dir.getFileName().toString());
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }

  /** Deletes {@code path} and all beneath it; nothing when it is not there. */
  static void delete(Path path) {
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
