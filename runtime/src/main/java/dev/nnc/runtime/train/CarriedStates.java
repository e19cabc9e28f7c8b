package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The states stateful layers carry from one training step to the next, as Keras's stateful RNNs:
 * record i of a batch starts from the state record i of the batch before ended in. They live here,
 * between steps, and not in variables, so they are never trained, counted or saved. A shorter batch
 * (an epoch's last) takes the first rows; {@link #reset} empties them, and an empty state is fed as
 * nothing, which the graph reads as zeros. A sample job carries its model's states this way too.
 */
public final class CarriedStates {
  private final List<Net.Carried> carried;
  private final float[][] held;
  private final long[] rows;
  /** What {@link #hold} took, fed from {@link #advance} on. */
  private final float[][] next;
  private final long[] nextRows;

  public CarriedStates(List<Net.Carried> carried) {
    this.carried = carried;
    this.held = new float[carried.size()][];
    this.rows = new long[carried.size()];
    this.next = new float[carried.size()][];
    this.nextRows = new long[carried.size()];
  }

  /** Feeds each held state to a batch of {@code batchSize} records; the tensors made go into {@code fed}. */
  public void feed(Session.Runner runner, long batchSize, List<Tensor> fed) {
    for (int i = 0; i < carried.size(); i++) {
      if (held[i] == null || rows[i] < batchSize) {
        continue;
      }
      long width = held[i].length / rows[i];
      TFloat32 state = TFloat32.tensorOf(Shape.of(batchSize, width),
          DataBuffers.of(held[i], true, false).narrow(batchSize * width));
      fed.add(state);
      runner.feed(carried.get(i).initial(), state);
    }
  }

  /** Asks the runner for every state's value at the end of the step. */
  public void fetch(Session.Runner runner) {
    carried.forEach(c -> runner.fetch(c.last()));
  }

  /** Keeps the states the step ended in: the results from {@code first} on, in the order {@link #fetch} asked. */
  public void keep(Result result, int first) {
    hold(result, first);
    advance();
  }

  /**
   * Takes the states a run ended in, as {@link #keep} does, but feeds them only after
   * {@link #advance}: a step of several runs feeds each of them the states the step began with.
   */
  public void hold(Result result, int first) {
    for (int i = 0; i < carried.size(); i++) {
      TFloat32 state = (TFloat32) result.get(first + i);
      nextRows[i] = state.shape().size(0);
      next[i] = new float[(int) state.size()];
      state.copyTo(DataBuffers.of(next[i], false, false));
    }
  }

  /** Feeds, from now on, the states {@link #hold} took last. */
  public void advance() {
    for (int i = 0; i < carried.size(); i++) {
      if (next[i] != null) {
        held[i] = next[i];
        rows[i] = nextRows[i];
        next[i] = null;
      }
    }
  }

  /** Forgets every state: the next step starts from zeros, as every epoch does. */
  public void reset() {
    Arrays.fill(held, null);
    Arrays.fill(next, null);
  }
}
