package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the layers with a kernel share (dense and the convolutions): a kernel initialised by
 * {@code init:} and an optional bias of zeros (their graphs add the bias and {@code activation:}
 * with BiasAndActivation).
 */
final class Kernels {
  private Kernels() {}

  /** The kernel of {@code shape} and, unless {@code bias: false}, a bias of {@code units} zeros. */
  static List<WeightSpec> kernelAndBias(Args args, TensorShape shape, long units) {
    List<WeightSpec> weights = new ArrayList<>();
    weights.add(new WeightSpec("kernel", shape, true, args.get("init")));
    if (args.bool("bias")) {
      weights.add(new WeightSpec("bias", TensorShape.of(units), true, "zeros"));
    }
    return weights;
  }
}
