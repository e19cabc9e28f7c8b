package dev.nnc.runtime.rl;

import dev.nnc.runtime.data.Field;
import java.util.List;

/**
 * One step of experience: in {@code state} the agent took {@code action}, got {@code reward} and
 * saw {@code nextState} (the final observation when the step ended the episode). {@code
 * terminated} is a learner's {@code done}; a {@code truncated} step is not final, so a Q-target
 * still bootstraps from its next state.
 */
public record Transition(
    float[] state, int action, float reward, float[] nextState, boolean terminated, boolean truncated) {
  /**
   * A transition's fields as a job's step reads them, for observations shaped {@code observation}:
   * {@code state, action, reward, next_state, done} (done: 1 where it terminated, else 0).
   */
  public static List<Field> fields(int[] observation) {
    return List.of(Field.floats("state", observation),
        Field.ints("action"), Field.floats("reward"),
        Field.floats("next_state", observation), Field.floats("done"));
  }

  public boolean ended() {
    return terminated || truncated;
  }
}
