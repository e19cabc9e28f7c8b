package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  }
}
