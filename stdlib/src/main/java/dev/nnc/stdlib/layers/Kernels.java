package dev.nnc.stdlib.layers;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What the layers with a kernel share (dense and the convolutions): a kernel initialised by
 * {@code init:}, an optional bias of zeros, and the bias and {@code activation:} applied after.
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

  /** {@code activation(y + bias)}, the bias only if the layer has one. */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> biasAndActivation(Net net, Args args, Operand<TFloat32> y, Map<String, Operand<?>> w) {
    Operand<TFloat32> biased = w.containsKey("bias") ? net.tf().nn.biasAdd(y, (Operand<TFloat32>) w.get("bias")) : y;
    return Activation.apply(net, args.string("activation"), biased);
  }
}
