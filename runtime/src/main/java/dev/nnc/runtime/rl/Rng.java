package dev.nnc.runtime.rl;

/**
 * A small random number generator (SplitMix64) whose whole state is one {@code long}, so that a
 * checkpoint can hold it and a resumed run draws the same numbers as one that never stopped.
 * {@link java.util.SplittableRandom} uses the same algorithm but hides its state.
 */
public final class Rng {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long state;

  public Rng(long seed) {
    this.state = seed;
  }

  /** A generator for the part {@code part} of a run seeded {@code seed} (the n-th episode, say). */
  public static Rng derived(long seed, long part) {
    return new Rng(mix(mix(seed) ^ mix(part + GOLDEN_GAMMA)));
  }

  /** The whole state: {@code new Rng(r.state())} goes on exactly as {@code r} would. */
  public long state() {
    return state;
  }

  /** Goes on from a {@link #state()} taken earlier. */
  public void restore(long state) {
    this.state = state;
  }

  public long nextLong() {
    return mix(state += GOLDEN_GAMMA);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform in [low, high). */
  public double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform in 0 .. bound - 1, without modulo bias. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, not " + bound);
    }
    // Lemire's multiply-shift with rejection of the few values that would bias the result.
    long m = (nextLong() >>> 32) * bound;
    long low = m & 0xFFFFFFFFL;
    if (low < bound) {
      long threshold = (0x1_0000_0000L - bound) % bound;
      while (low < threshold) {
        m = (nextLong() >>> 32) * bound;
        low = m & 0xFFFFFFFFL;
      }
    }
    return (int) (m >>> 32);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
