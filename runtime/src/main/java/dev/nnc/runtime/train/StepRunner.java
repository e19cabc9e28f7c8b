package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** Runs one batch through the graph: a training step, or an evaluation without updates. */
final class StepRunner implements AutoCloseable {
  private final Session session;
  private final TrainingGraph graph;
  private final TBool trainingFlag = TBool.scalarOf(true);

  StepRunner(Session session, TrainingGraph graph) {
    this.session = session;
    this.graph = graph;
  }

  /** Trains on {@code batch}; returns the loss and the metrics, computed before the update. */
  double[] train(Batch batch) {
    double[] values = run(batch, true);
    graph.trainOps().afterStep().ifPresent(session::run);
    return values;
  }

  /** The loss and the metrics on {@code batch}, with the model in inference mode. */
  double[] evaluate(Batch batch) {
    return run(batch, false);
  }

  private double[] run(Batch batch, boolean training) {
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (FieldFeed feed : graph.feeds()) {
        Tensor tensor = feed.tensor(batch);
        fed.add(tensor);
        runner.feed(feed.placeholder(), tensor);
      }
      if (training) {
        runner.feed(graph.training(), trainingFlag).addTarget(graph.trainOps().step());
      }
      graph.lossAndMetrics().forEach(runner::fetch);
      try (Result result = runner.run()) {
        double[] values = new double[result.size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = ((TFloat32) result.get(i)).getFloat();
        }
        return values;
      }
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  @Override
  public void close() {
    trainingFlag.close();
  }
}
