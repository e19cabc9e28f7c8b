package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/** Runs one batch through the graph: a training step, or an evaluation without updates. */
final class StepRunner implements AutoCloseable {
  private final Session session;
  private final TrainingGraph graph;
  private final TBool trainingFlag = TBool.scalarOf(true);

  StepRunner(Session session, TrainingGraph graph) {
    this.session = session;
    this.graph = graph;
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
      return run(runner, batch, fed);
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** The loss and the metrics on {@code batch}, with the model in inference mode. */
  double[] evaluate(Batch batch) {
    List<Tensor> fed = new ArrayList<>();
    try {
      return run(session.runner(), batch, fed);
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Feeds the batch and fetches the loss and metrics; every tensor made goes into {@code fed}. */
  private double[] run(Session.Runner runner, Batch batch, List<Tensor> fed) {
    for (FieldFeed feed : graph.feeds()) {
      Tensor tensor = feed.tensor(batch);
      fed.add(tensor);
      runner.feed(feed.placeholder(), tensor);
    }
    graph.lossAndMetrics().forEach(runner::fetch);
    try (Result result = runner.run()) {
      double[] values = new double[result.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = ((TFloat32) result.get(i)).getFloat();
      }
      return values;
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
