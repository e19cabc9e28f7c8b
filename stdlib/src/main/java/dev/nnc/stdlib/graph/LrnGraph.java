package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Lrn;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.nn.LocalResponseNormalization;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Lrn}. */
final class LrnGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    // The paper sums alpha over the window; TensorFlow multiplies its alpha by the sum, so divide by n.
    long n = 2 * args.integer("radius") + 1;
    return net.tf().nn.localResponseNormalization((Operand<TFloat32>) inputs.get(0),
        LocalResponseNormalization.depthRadius(args.integer("radius")),
        LocalResponseNormalization.bias((float) args.real("bias")),
        LocalResponseNormalization.alpha((float) (args.real("alpha") / n)),
        LocalResponseNormalization.beta((float) args.real("beta")));
  }
}
