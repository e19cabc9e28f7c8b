package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import java.util.List;
import java.util.stream.Stream;

/**
 * A declarative job as a {@link Step}: one minimize of its loss (its weight penalty added) with its
 * optimizer, the learning rate its schedule gives the step, reporting the loss and then its
 * metrics, a ratio (precision) as its two sums so the epoch's figure stays exact. Stateful layers
 * carry their states from step to step and start each epoch from zeros.
 */
final class DeclarativeStep implements Step {
  private final StepRunner runner;
  private final TrainSpec spec;
  private final long stepsPerEpoch;

  DeclarativeStep(StepRunner runner, TrainSpec spec) {
    this.runner = runner;
    this.spec = spec;
    this.stepsPerEpoch = spec.data().batchCount(spec.batch());
  }

  @Override
  public List<String> reported() {
    return ReportedValues.names(spec.metrics().stream().map(Metric::name).toList());
  }

  @Override
  public List<Metric.Aggregation> aggregations() {
    return Stream.concat(Stream.of(Metric.Aggregation.MEAN), spec.metrics().stream().map(Metric::aggregation)).toList();
  }

  @Override
  public double[] train(Batch batch, long step) {
    double[] values = runner.train(batch, spec.optimizer().learningRate().at(step, stepsPerEpoch), step);
    Step.requireFinite("the loss", values[0]);
    return values;
  }

  @Override
  public double[] evaluate(Batch batch) {
    return runner.evaluate(batch);
  }

  @Override
  public void afterEpoch(int epochsDone) {
    runner.resetStates();
  }
}
