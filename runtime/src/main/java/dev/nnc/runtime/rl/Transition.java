package dev.nnc.runtime.rl;

/**
 * One step of experience: in {@code state} the agent took {@code action}, got {@code reward} and
 * saw {@code nextState} (the final observation when the step ended the episode). {@code
 * terminated} is a learner's {@code done}; a {@code truncated} step is not final, so a Q-target
 * still bootstraps from its next state.
 */
public record Transition(
    float[] state, int action, float reward, float[] nextState, boolean terminated, boolean truncated) {
  public boolean ended() {
    return terminated || truncated;
  }
}
