package dev.nnc.runtime.train;

/** A training job that cannot run or cannot go on, for a reason its message tells the user. */
public class TrainException extends RuntimeException {
  public TrainException(String message) {
    super(message);
  }

  public TrainException(String message, Throwable cause) {
    super(message, cause);
  }
}
