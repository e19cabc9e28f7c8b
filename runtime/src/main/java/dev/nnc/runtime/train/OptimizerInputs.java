package dev.nnc.runtime.train;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * The scalars an optimizer reads each step: the step's learning rate, and the step's number counting
 * from 1 (Keras's {@code iterations + 1}), from which Adam and its kin compute their bias
 * corrections. Both come from what the trainer feeds rather than from variables, so that a schedule
 * can change the rate and no op has to advance a counter after the update.
 */
public record OptimizerInputs(Operand<TFloat32> learningRate, Operand<TFloat32> step) {}
