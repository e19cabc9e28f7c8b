package dev.nnc.runtime.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An export's folder, replaced whole: at every instant the export path holds the previous complete
 * model or the new one, however the process dies. Two folders cannot be swapped in one step, so the
 * path is a symbolic link to one of its versions, {@code <name>.versions/v<n>}:
 *
 * <ol>
 *   <li>the new version is written into {@code v<n>.partial}, its files and folders synced, and
 *       renamed to {@code v<n>} (the versions' folder synced after);
 *   <li>a new link {@code <name>.link} to it is made and renamed over {@code <name>} (one
 *       {@code rename(2)}, which replaces a link atomically), and the parent folder is synced;
 *   <li>versions other than the new one and the one it replaced are deleted, each renamed to
 *       {@code .deleting} first; the previous one stays for a reader that had resolved the old link
 *       and is still reading it.
 * </ol>
 *
 * The next export removes the temporary folders and link that a killed one left. A plain folder at
 * the path (an export written in place by an older nnc) becomes the first version: it is moved into
 * the versions' folder and linked at once, the only moment the path is missing.
 */
final class ExportFolder {
  private static final String VERSIONS = ".versions";
  private static final String LINK = ".link";
  private static final Pattern VERSION = Pattern.compile("v(\\d{1,9})");

  private ExportFolder() {}

  /** Makes {@code target} (absolute) a folder that {@code filler} fills, replacing what was there whole. */
  static void replace(Path target, CheckpointDir.Filler filler) throws IOException {
    Path parent = target.getParent();
    String name = target.getFileName().toString();
    Path versions = parent.resolve(name + VERSIONS);
    Path link = parent.resolve(name + LINK);
    if (!Files.isDirectory(versions)) {
      Files.createDirectories(versions);
      CheckpointDir.syncDirectory(parent);
    }
    removeLeftovers(versions);
    Files.deleteIfExists(link);
    int latest = newest(versions).orElse(0);
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      latest++;
      Files.move(target, versions.resolve("v" + latest), StandardCopyOption.ATOMIC_MOVE);
      point(link, target, name, latest);
    } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(target)) {
      throw new IOException(target + " is a file, not a folder");
    }
    String current = Files.isSymbolicLink(target) ? Files.readSymbolicLink(target).getFileName().toString() : "";
    int next = latest + 1;
    Path partial = versions.resolve("v" + next + CheckpointDir.PARTIAL);
    Files.createDirectory(partial);
    filler.fill(partial);
    CheckpointDir.syncTree(partial);
    Files.move(partial, versions.resolve("v" + next), StandardCopyOption.ATOMIC_MOVE);
    CheckpointDir.syncDirectory(versions);
    point(link, target, name, next);
    olderVersions(versions, List.of("v" + next, current)).forEach(CheckpointDir::discard);
  }

  /** Points {@code target} at version {@code n} by renaming a new link over it. */
  private static void point(Path link, Path target, String name, int n) throws IOException {
    Files.createSymbolicLink(link, Path.of(name + VERSIONS, "v" + n));
    Files.move(link, target, StandardCopyOption.ATOMIC_MOVE);
    CheckpointDir.syncDirectory(target.getParent());
  }

  private static void removeLeftovers(Path versions) throws IOException {
    try (Stream<Path> children = Files.list(versions)) {
      for (Path child : children.toList()) {
        String name = child.getFileName().toString();
        if (name.endsWith(CheckpointDir.PARTIAL) || name.endsWith(CheckpointDir.DELETING)) {
          CheckpointDir.delete(child);
        }
      }
    }
  }

  private static OptionalInt newest(Path versions) throws IOException {
    try (Stream<Path> children = Files.list(versions)) {
      return children.map(ExportFolder::number).filter(OptionalInt::isPresent).mapToInt(OptionalInt::getAsInt).max();
    }
  }

  /** The versions not named in {@code kept}. */
  private static List<Path> olderVersions(Path versions, List<String> kept) throws IOException {
    List<Path> older = new ArrayList<>();
    try (Stream<Path> children = Files.list(versions)) {
      for (Path child : children.toList()) {
        if (number(child).isPresent() && !kept.contains(child.getFileName().toString())) {
          older.add(child);
        }
      }
    }
    return older;
  }

  private static OptionalInt number(Path version) {
    Matcher m = VERSION.matcher(version.getFileName().toString());
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
