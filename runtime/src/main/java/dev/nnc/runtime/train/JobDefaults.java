package dev.nnc.runtime.train;

/**
 * The values a job takes for the settings it does not write, the same for every kind of job and
 * read by the checker, the generated code and hand-built specs alike.
 */
public final class JobDefaults {
  /** The seed of weight initialisation, shuffles, random transforms and draws ({@code seed:}). */
  public static final long SEED = 42;
  /** {@code batch:} of a spec built by hand; the language requires it written. */
  public static final int BATCH = 32;
  /** {@code epochs:} when neither epochs nor steps are set. */
  public static final int EPOCHS = 1;

  private JobDefaults() {}
}
