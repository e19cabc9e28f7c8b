package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.runtime.data.ElementType;
import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.InitCall;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;

/** {@code embedding(vocab, dim)}: each integer id becomes a learned vector, {@code int[..] -> float[.., dim]}. */
public final class Embedding extends TensorOpDefinition {
  private static final Signature SIGNATURE =
      Signature.of(1, required("vocab", ParamType.SIZE), required("dim", ParamType.SIZE));

  public Embedding() {
    super("embedding", Kind.LAYER, "Maps integer ids to learned vectors: int[..] -> float[.., dim].", SIGNATURE);
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType ids = inputs.get(0);
    if (ids.element() != ElementType.INT) {
      throw new ShapeException("embedding takes integer ids, found " + ids,
          "feed it an int field, such as the characters of a `text` source");
    }
    List<Dim> dims = new java.util.ArrayList<>(ids.shape().dims());
    dims.add(Dim.of(args.integer("dim")));
    return TensorType.floats(new TensorShape(dims));
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    // Keras initialises embeddings uniformly in [-0.05, 0.05].
    return List.of(new WeightSpec("embeddings", TensorShape.of(args.integer("vocab"), args.integer("dim")), true,
        new InitCall("uniform", List.of(-0.05, 0.05))));
  }
}
