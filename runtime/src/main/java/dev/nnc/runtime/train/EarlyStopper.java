package dev.nnc.runtime.train;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.tensorflow.Session;

/**
 * Early stopping in one run: after each epoch it judges the monitored value, keeps a copy of the
 * weights whenever they are the best so far (if the job restores them), and at the end puts the
 * best ones back.
 */
final class EarlyStopper implements StopRule {
  /** What a checkpoint holds of early stopping; {@code kept} says whether the store holds weights. */
  record State(EarlyStopping.Progress progress, boolean kept) {}

  private final EarlyStopping stopping;
  private final EarlyStopping.Watch watch;
  private final Optional<WeightStore> store;
  private final Session session;
  private final Consumer<String> print;
  private boolean kept;

  /** A stopper for a run that starts afresh, or goes on from {@code resumed}. */
  EarlyStopper(EarlyStopping stopping, Optional<State> resumed, Optional<WeightStore> store,
      Session session, Consumer<String> print) {
    this.stopping = stopping;
    this.watch = resumed.map(s -> stopping.watch(s.progress())).orElseGet(stopping::watch);
    this.kept = resumed.map(State::kept).orElse(false);
    this.store = store;
    this.session = session;
    this.print = print;
  }

  @Override
  public Optional<State> state() {
    return Optional.of(new State(watch.progress(), kept));
  }

  /** Judges the epoch just ended; true when training should stop. */
  @Override
  public boolean stopAfter(EpochResult result) {
    EarlyStopping.Verdict verdict = watch.observe(result.epoch(), result.value(stopping.monitor()));
    // As Keras does, the first epoch's weights are kept even when its value is no improvement (NaN).
    if (store.isPresent() && (verdict == EarlyStopping.Verdict.IMPROVED || !kept)) {
      store.get().keep(session);
      kept = true;
    }
    if (verdict == EarlyStopping.Verdict.STOP) {
      print.accept(String.format(Locale.ROOT, "stopping early: %s has not improved for %d epoch%s%s",
          stopping.monitor(), stopping.patience(), stopping.patience() == 1 ? "" : "s", best()));
    }
    return verdict == EarlyStopping.Verdict.STOP;
  }

  /** Restores the best weights, if the job asks for it. */
  @Override
  public void finish() {
    if (kept) {
      store.orElseThrow().restore(session);
      print.accept("restored the weights of the best epoch" + best());
    }
  }

  private String best() {
    return watch.bestEpoch() < 0 ? ""
        : String.format(Locale.ROOT, " (epoch %d, %s %.4f)",
            watch.bestEpoch() + 1, stopping.monitor(), watch.best());
  }
}
