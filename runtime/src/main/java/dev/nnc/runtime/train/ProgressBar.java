package dev.nnc.runtime.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The line an epoch shows while it trains, when the console is a terminal, such as
 * {@code epoch 3/20 [#########...............] 412/938  9,650 examples/s  loss 0.4123  ETA 0:05, run 1:42}:
 * redrawn in place ({@code \r}) at most four times a second, since a terminal that repaints
 * faster only flickers, and wiped before any other line is printed.
 */
final class ProgressBar {
  static final long REDRAW_NANOS = 250_000_000L;
  private static final int WIDTH = 24;

  /**
   * What the bar shows: the epoch (from 0) of {@code epochs}, {@code batch} of the epoch's
   * {@code batches} done, the pace, a running mean under its name ({@code loss}; none for a job
   * that reports nothing) and the seconds left of the epoch (validation included) and of the run;
   * NaN seconds when there is no pace yet.
   */
  record Status(int epoch, int epochs, long batch, long batches, double examplesPerSecond,
      Optional<Figure> figure, double epochSeconds, double runSeconds) {}

  /** A running mean the bar shows, such as {@code loss 0.4123}. */
  record Figure(String name, double value) {}

  private final PrintStream out;
  private long lastDraw;
  private int shown;

  ProgressBar(PrintStream out) {
    this.out = out;
  }

  /** Whether a bar drawn at {@code now} (nanoseconds) would be on time: the first one always is. */
  boolean due(long now) {
    return shown == 0 || now - lastDraw >= REDRAW_NANOS;
  }

  void draw(Status status, long now) {
    String text = render(status);
    // Spaces wipe what is left of a longer bar drawn before.
    out.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
    out.flush();
    shown = text.length();
    lastDraw = now;
  }

  /** Wipes the bar, leaving the cursor at the start of its line. */
  void clear() {
    if (shown > 0) {
      out.print("\r" + " ".repeat(shown) + "\r");
      out.flush();
      shown = 0;
    }
  }

  static String render(Status s) {
    int filled = s.batches() == 0 ? WIDTH : (int) (WIDTH * s.batch() / s.batches());
    String figure = s.figure().map(f -> String.format(Locale.ROOT, "  %s %.4f", f.name(), f.value())).orElse("");
    return String.format(Locale.ROOT, "epoch %d/%d [%s%s] %d/%d  %,d examples/s%s  ETA %s, run %s",
        s.epoch() + 1, s.epochs(), "#".repeat(filled), ".".repeat(WIDTH - filled), s.batch(), s.batches(),
        Math.round(s.examplesPerSecond()), figure, duration(s.epochSeconds()), duration(s.runSeconds()));
  }

  /** {@code 0:05}, {@code 12:40} or {@code 3:05:09}; {@code --} while unknown. */
  static String duration(double seconds) {
    if (!Double.isFinite(seconds)) {
      return "--";
    }
    long total = Math.round(Math.max(0, seconds));
    long hours = total / 3600;
    long minutes = total / 60 % 60;
    long secs = total % 60;
    return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, secs)
        : String.format(Locale.ROOT, "%d:%02d", minutes, secs);
  }
}
