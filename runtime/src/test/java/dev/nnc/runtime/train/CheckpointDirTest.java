package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointDirTest {
  @TempDir Path dir;

  private Path checkpoint(long step) {
    return dir.resolve(CheckpointDir.NAME).resolve("ckpt-" + step);
  }

  private static void fill(Path folder) throws IOException {
    Files.writeString(folder.resolve("state"), "complete");
  }

  @Test
  void aWriteThatFailsLeavesNoCheckpointUnderItsName() throws IOException {
    CheckpointDir checkpoints = new CheckpointDir(dir);
    checkpoints.write(1, 3, CheckpointDirTest::fill);

    TrainException e = assertThrows(TrainException.class, () -> checkpoints.write(2, 3, folder -> {
      Files.writeString(folder.resolve("state"), "half");
      throw new IOException("disk full");
    }));

    assertEquals("cannot write " + checkpoint(2) + ": disk full", e.getMessage());
    assertEquals(List.of(checkpoint(1)), checkpoints.newestFirst());
    checkpoints.write(2, 3, CheckpointDirTest::fill);
    assertEquals("complete", Files.readString(checkpoint(2).resolve("state")));
  }

  @Test
  void keepsTheNewestByStepNotByName() {
    CheckpointDir checkpoints = new CheckpointDir(dir);
    for (long step : new long[] {9, 10, 100}) {
      checkpoints.write(step, 2, CheckpointDirTest::fill);
    }

    assertEquals(List.of(checkpoint(100), checkpoint(10)), checkpoints.newestFirst());
  }

  @Test
  void clearingRemovesEveryCheckpoint() {
    CheckpointDir checkpoints = new CheckpointDir(dir);
    checkpoints.write(1, 3, CheckpointDirTest::fill);

    checkpoints.clear();

    assertEquals(List.of(), checkpoints.newestFirst());
    assertFalse(Files.exists(dir.resolve(CheckpointDir.NAME)));
    assertFalse(Files.exists(dir.resolve(CheckpointDir.NAME + ".deleting")));
  }

  /** What a run killed while writing, pruning or clearing leaves: temporary folders, never read. */
  @Test
  void theTemporaryFoldersOfAKilledRunAreNoCheckpointsAndTheNextWriteRemovesThem() throws IOException {
    CheckpointDir checkpoints = new CheckpointDir(dir);
    checkpoints.write(1, 3, CheckpointDirTest::fill);
    Path root = dir.resolve(CheckpointDir.NAME);
    List<Path> leftovers = List.of(root.resolve("ckpt-2.partial"), root.resolve("ckpt-0.deleting"),
        dir.resolve(CheckpointDir.NAME + ".deleting").resolve("ckpt-7"));
    for (Path leftover : leftovers) {
      Files.createDirectories(leftover);
      Files.writeString(leftover.resolve("state"), "half");
    }

    assertEquals(List.of(checkpoint(1)), checkpoints.newestFirst());
    checkpoints.write(3, 3, CheckpointDirTest::fill);

    assertEquals(List.of(checkpoint(3), checkpoint(1)), checkpoints.newestFirst());
    try (Stream<Path> children = Files.list(root)) {
      assertEquals(List.of("ckpt-1", "ckpt-3"), children.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertFalse(Files.exists(dir.resolve(CheckpointDir.NAME + ".deleting")));
  }

  @Test
  void aPrunedCheckpointLeavesNothingBehind() throws IOException {
    CheckpointDir checkpoints = new CheckpointDir(dir);
    for (long step = 1; step <= 4; step++) {
      checkpoints.write(step, 2, CheckpointDirTest::fill);
    }

    try (Stream<Path> children = Files.list(dir.resolve(CheckpointDir.NAME))) {
      assertEquals(List.of("ckpt-3", "ckpt-4"), children.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
