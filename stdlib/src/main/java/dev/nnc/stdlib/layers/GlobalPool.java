package dev.nnc.stdlib.layers;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/** {@code global_avgpool} and {@code global_maxpool}: one value per channel, {@code [h, w, c] -> [c]}. */
public final class GlobalPool extends TensorOpDefinition {
  public static final GlobalPool AVG = new GlobalPool("global_avgpool", "The mean over height and width: [h, w, c] -> [c].");
  public static final GlobalPool MAX = new GlobalPool("global_maxpool", "The maximum over height and width: [h, w, c] -> [c].");

  private GlobalPool(String name, String doc) {
    super(name, Kind.LAYER, doc, Signature.of(1));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    Shapes.requireRank(name(), x, 4, "[batch, height, width, channels]", null);
    return x.withShape(TensorShape.of(x.shape().dim(0), x.shape().dim(3)));
  }
}
