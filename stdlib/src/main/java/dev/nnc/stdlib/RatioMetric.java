package dev.nnc.stdlib;

/**
 * A metric that is a ratio of counts, such as precision: as a job's metric it is reported exactly over
 * the epoch, the sum of the numerators over the sum of the denominators, so its graph
 * ({@link dev.nnc.stdlib.graph.RatioParts}) also gives the batch's two counts. Inside an expression,
 * its graph gives the batch's own ratio.
 */
public interface RatioMetric extends TensorOp {}
