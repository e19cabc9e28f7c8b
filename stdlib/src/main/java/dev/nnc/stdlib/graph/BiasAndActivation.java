package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.spec.Args;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** What the graphs of the layers with a kernel end with: the bias, if any, then {@code activation:}. */
final class BiasAndActivation {
  private BiasAndActivation() {}

  /** {@code activation(y + bias)}, the bias only if the layer has one. */
  @SuppressWarnings("unchecked")
  static Operand<TFloat32> apply(Net net, Args args, Operand<TFloat32> y, Map<String, Operand<?>> w) {
    Operand<TFloat32> biased = w.containsKey("bias") ? net.tf().nn.biasAdd(y, (Operand<TFloat32>) w.get("bias")) : y;
    return ActivationGraph.apply(net, args.string("activation"), biased);
  }
}
