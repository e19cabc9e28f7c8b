package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Where;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;

/** The graph half of {@link Where}: SelectV2, which broadcasts and has a gradient for both choices. */
final class WhereGraph implements OneOutput {
  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    return net.tf().select((Operand<TBool>) inputs.get(0), (Operand<TFloat32>) inputs.get(1),
        (Operand<TFloat32>) inputs.get(2));
  }
}
