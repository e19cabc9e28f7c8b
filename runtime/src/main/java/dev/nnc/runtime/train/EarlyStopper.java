package dev.nnc.runtime.train;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.tensorflow.Session;

/**
 * Early stopping in one run: after each epoch it judges the monitored value, keeps a copy of the
 * weights whenever they are the best so far (if the job restores them), and at the end puts the
 * best ones back.
 */
final class EarlyStopper {
  private final EarlyStopping stopping;
  private final EarlyStopping.Watch watch;
  private final Optional<WeightStore> store;
  private final Session session;
  private final Consumer<String> print;
  private List<float[]> bestWeights;

  EarlyStopper(EarlyStopping stopping, Optional<WeightStore> store, Session session, Consumer<String> print) {
    this.stopping = stopping;
    this.watch = stopping.watch();
    this.store = store;
    this.session = session;
    this.print = print;
  }

  /** Judges the epoch just ended; true when training should stop. */
  boolean stopAfter(EpochResult result) {
    EarlyStopping.Verdict verdict = watch.observe(result.epoch(), result.value(stopping.monitor()));
    // As Keras does, the first epoch's weights are kept even when its value is no improvement (NaN).
    if (store.isPresent() && (verdict == EarlyStopping.Verdict.IMPROVED || bestWeights == null)) {
      bestWeights = store.get().read(session);
    }
    if (verdict == EarlyStopping.Verdict.STOP) {
      print.accept(String.format(Locale.ROOT, "stopping early: %s has not improved for %d epoch%s%s",
          stopping.monitor(), stopping.patience(), stopping.patience() == 1 ? "" : "s", best()));
    }
    return verdict == EarlyStopping.Verdict.STOP;
  }

  /** Restores the best weights, if the job asks for it. */
  void finish() {
    if (bestWeights != null) {
      store.orElseThrow().write(session, bestWeights);
      print.accept("restored the weights of the best epoch" + best());
    }
  }

  private String best() {
    return watch.bestEpoch() < 0 ? ""
        : String.format(Locale.ROOT, " (epoch %d, %s %.4f)",
            watch.bestEpoch() + 1, stopping.monitor(), watch.best());
  }
}
