package dev.nnc.runtime.train;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Where a run's progress goes: whole lines (each epoch's {@link ProgressLine}, notes), and with a
 * progress bar, the bar of the epoch under way between them. Nothing at all when the run is quiet.
 */
final class Console {
  private final PrintStream out;
  private final boolean quiet;
  private final ProgressBar bar;

  private Console(PrintStream out, boolean quiet, ProgressBar bar) {
    this.out = out;
    this.quiet = quiet;
    this.bar = bar;
  }

  static Console of(TrainOptions options) {
    return new Console(options.out(), options.quiet(),
        options.progressBar() && !options.quiet() ? new ProgressBar(options.out()) : null);
  }

  /** Prints a line, in place of the bar if one is shown. */
  void line(String text) {
    if (quiet) {
      return;
    }
    if (bar != null) {
      bar.clear();
    }
    out.println(text);
  }

  /** Redraws the bar with what {@code status} gives, when there is a bar and it is due. */
  void progress(Supplier<ProgressBar.Status> status) {
    long now = System.nanoTime();
    if (bar != null && bar.due(now)) {
      bar.draw(status.get(), now);
    }
  }
}
