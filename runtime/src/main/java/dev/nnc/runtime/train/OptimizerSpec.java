package dev.nnc.runtime.train;

import java.util.Objects;

/** An optimizer as a job declares it: how to make it, and its learning rate at each step. */
public record OptimizerSpec(OptimizerFactory factory, LearningRate learningRate) {
  public OptimizerSpec {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(learningRate, "learningRate");
  }
}
