package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs one batch through the graph: a training step, or an evaluation without updates. */
final class StepRunner implements AutoCloseable {
  private final Session session;
  private final TrainingGraph graph;
  private final TBool trainingFlag = TBool.scalarOf(true);
  private final CarriedStates states;

  StepRunner(Session session, TrainingGraph graph) {
    this.session = session;
    this.graph = graph;
    this.states = new CarriedStates(graph.carried());
  }

  /**
   * Trains on {@code batch} with {@code learningRate}, as step {@code step} (counting from 0);
   * returns the loss and the metrics, computed before the update.
   */
  double[] train(Batch batch, double learningRate, long step) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      OptimizerInputs inputs = graph.optimizerInputs();
      runner.feed(inputs.learningRate(), track(TFloat32.scalarOf((float) learningRate), fed))
          .feed(graph.step(), track(TInt64.scalarOf(step), fed))
          .feed(graph.training(), trainingFlag)
          .addTarget(graph.trainOps().step());
      states.feed(runner, batch.size(), fed);
      return run(runner, batch, fed, true);
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /**
   * The loss and the metrics on {@code batch}, with the model in inference mode; stateful layers
   * start from zeros, as the exported model serves.
   */
  double[] evaluate(Batch batch) {
    List<Tensor> fed = new ArrayList<>();
    try {
      return run(session.runner(), batch, fed, false);
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** The values of {@code output} on {@code batch}, flat, with the model in inference mode. */
  float[] fetch(Batch batch, Operand<?> output) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      feedFields(runner, batch, fed);
      try (Result result = runner.fetch(output).run()) {
        TFloat32 values = (TFloat32) result.get(0);
        float[] flat = new float[Math.toIntExact(values.size())];
        values.copyTo(DataBuffers.of(flat, false, false));
        return flat;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Forgets the carried states of stateful layers: every epoch starts from zeros. */
  void resetStates() {
    states.reset();
  }

  /**
   * Feeds the batch and fetches the loss and metrics, and after them the carried states, which
   * it keeps if {@code carry}; every tensor made goes into {@code fed}.
   */
  private double[] run(Session.Runner runner, Batch batch, List<Tensor> fed, boolean carry) {
    feedFields(runner, batch, fed);
    List<Operand<TFloat32>> fetches = graph.lossAndMetrics();
    fetches.forEach(runner::fetch);
    if (carry) {
      states.fetch(runner);
    }
    try (Result result = runner.run()) {
      double[] values = new double[fetches.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ((TFloat32) result.get(i)).getFloat();
      }
      if (carry) {
        states.keep(result, values.length);
      }
      return values;
    }
  }

  private void feedFields(Session.Runner runner, Batch batch, List<Tensor> fed) {
    for (FieldFeed feed : graph.feeds()) {
      runner.feed(feed.placeholder(), track(feed.tensor(batch), fed));
    }
  }

  private static Tensor track(Tensor tensor, List<Tensor> fed) {
    fed.add(tensor);
    return tensor;
  }

  @Override
  public void close() {
    trainingFlag.close();
  }
}
