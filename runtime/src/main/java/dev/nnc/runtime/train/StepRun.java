package dev.nnc.runtime.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One session run of a planned step: the values it fetches, the op it runs (a minimize's update, a
 * group of assignments, or none for reported values alone) and the learning rates it feeds. A
 * minimize's run names its loss in {@code minimized} ("the loss minimized for d", "the loss"), as a
 * loss that stops being finite is named, and fetches it first.
 */
record StepRun(List<Operand<TFloat32>> fetches, Op target, List<Rate> rates, Optional<String> minimized) {
  /** A minimize's learning-rate placeholder and the schedule that fills it. */
  record Rate(Operand<TFloat32> placeholder, LearningRate schedule) {}

  /**
   * An {@code every} block: its period, the values it reports, the image grids it writes and the
   * models it syncs (run after the values are fetched, so they see the weights before the sync).
   */
  record Hook(Period period, List<StepBuilder.Action.Report> reports, List<StepBuilder.Action.ImageGrid> grids,
      List<StepBuilder.Action.Sync> syncs) {
    static Hook of(Period period, List<StepBuilder.Action> actions) {
      List<StepBuilder.Action.Report> reports = new ArrayList<>();
      List<StepBuilder.Action.ImageGrid> grids = new ArrayList<>();
      List<StepBuilder.Action.Sync> syncs = new ArrayList<>();
      for (StepBuilder.Action action : actions) {
        if (action instanceof StepBuilder.Action.Report r) {
          reports.add(r);
        } else if (action instanceof StepBuilder.Action.ImageGrid g) {
          grids.add(g);
        } else if (action instanceof StepBuilder.Action.Sync s) {
          syncs.add(s);
        } else {
          throw new IllegalArgumentException("an every block cannot " + action);
        }
      }
      return new Hook(period, List.copyOf(reports), List.copyOf(grids), List.copyOf(syncs));
    }

    /** True when the block is due after {@code steps} steps in all, or at the end of epoch {@code epoch} (from 1). */
    boolean dueAfterStep(long steps) {
      return period.unit() == Period.Unit.STEPS && steps % period.amount() == 0;
    }

    boolean dueAfterEpoch(int epochs) {
      return period.unit() == Period.Unit.EPOCHS && epochs % period.amount() == 0;
    }
  }
}
