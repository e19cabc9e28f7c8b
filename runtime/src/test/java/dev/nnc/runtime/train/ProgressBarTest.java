package dev.nnc.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressBarTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void rendersStepsPaceLossAndBothTimesLeft() {
    ProgressBar.Status status = new ProgressBar.Status(2, 20, 412, 938, 9650.4, loss(0.41234), 5.2, 102);

    assertEquals("epoch 3/20 [##########..............] 412/938  9,650 examples/s  loss 0.4123  ETA 0:05, run 1:42",
        ProgressBar.render(status));
  }

  @Test
  void showsTheFigureUnderItsOwnNameOrNone() {
    ProgressBar.Status named = new ProgressBar.Status(0, 3, 2, 4, 100, Optional.of(new ProgressBar.Figure("d_loss", 0.7)), 1, 5);
    assertEquals("epoch 1/3 [############............] 2/4  100 examples/s  d_loss 0.7000  ETA 0:01, run 0:05",
        ProgressBar.render(named));
    ProgressBar.Status none = new ProgressBar.Status(0, 3, 2, 4, 100, Optional.empty(), 1, 5);
    assertEquals("epoch 1/3 [############............] 2/4  100 examples/s  ETA 0:01, run 0:05", ProgressBar.render(none));
  }

  private static Optional<ProgressBar.Figure> loss(double value) {
    return Optional.of(new ProgressBar.Figure("loss", value));
  }

  @Test
  void timesLeftReadAsClockTimesAndUnknownAsDashes() {
    assertEquals("0:00", ProgressBar.duration(0.2));
    assertEquals("12:40", ProgressBar.duration(760));
    assertEquals("3:05:09", ProgressBar.duration(3 * 3600 + 5 * 60 + 9));
    assertEquals("--", ProgressBar.duration(Double.NaN));
  }

  @Test
  void redrawsInPlaceAtMostFourTimesASecondAndWipesAShorterRedraw() {
    ProgressBar bar = new ProgressBar(out);
    long second = 1_000_000_000L;
    for (long now = 0; now < second; now += second / 100) {
      if (bar.due(now)) {
        bar.draw(new ProgressBar.Status(0, 1, now / (second / 100), 100, 10, loss(0.5), 1, 1), now);
      }
    }
    bar.draw(new ProgressBar.Status(0, 1, 1, 1, 10, loss(0.5), 1, 1), second);
    bar.clear();

    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(4 + 1, shown.chars().filter(c -> c == '\r').count() - 2, shown);
    assertFalse(shown.contains("\n"));
    String[] draws = shown.split("\r");
    assertEquals(draws[draws.length - 3].length(), draws[draws.length - 2].length(),
        "the last, shorter bar is padded over the one before");
    assertTrue(draws[draws.length - 1].isBlank(), "cleared");
  }

  @Test
  void withABarEveryEpochEndsWithItsLine() {
    Trainer.run(Xor.spec().validate(Xor.data(1)).epochs(2).build(), TrainOptions.builder().logDir(dir).out(out)
        .progress(TrainOptions.Progress.BAR).build());

    // String.lines() would split at the \r too.
    List<String> lines = List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    assertEquals(2, lines.size(), lines.toString());
    for (int epoch = 1; epoch <= 2; epoch++) {
      String line = lines.get(epoch - 1);
      assertTrue(line.contains("\repoch " + epoch + "/2 [") && line.contains("/8  "), "a bar first: " + line);
      String[] parts = line.split("\r");
      assertTrue(parts[parts.length - 1].startsWith("epoch " + epoch + "/2  loss "), "then the epoch's line: " + line);
    }
  }

  @Test
  void withoutATerminalOnlyLines() {
    TrainOptions options = TrainOptions.builder().logDir(dir).out(out).build();
    Trainer.run(Xor.spec().epochs(2).build(), options);

    assertFalse(options.progressBar(), "a test's output is no terminal");
    assertFalse(bytes.toString(StandardCharsets.UTF_8).contains("\r"));
  }
}
