package dev.nnc.runtime.data;

/**
 * Seeds for the data pipeline's random draws, mixed from the job's seed and where a draw is made
 * (epoch, step, record), so that every draw is reproducible and independent of batching.
 */
final class Seeds {
  private static final long[] MULTIPLIERS = {0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL};

  private Seeds() {}

  /** A well-spread seed for {@code parts}: nearby SplittableRandom seeds give correlated streams. */
  static long mix(long seed, long... parts) {
    long h = seed;
    for (int i = 0; i < parts.length; i++) {
      h = murmurMix(h ^ (MULTIPLIERS[i % 2] * (parts[i] + 1L)));
    }
    return h;
  }

  private static long murmurMix(long h) {
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL;
    h = (h ^ (h >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return h ^ (h >>> 33);
  }
}
