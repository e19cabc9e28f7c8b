package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Shapes;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import dev.nnc.stdlib.spec.WeightSpec;
import java.util.List;

/**
 * {@code position_embedding(max_len)}: adds a learned vector per position to {@code float[batch, seq,
 * d]} (Keras Hub's PositionEmbedding): the first seq rows of {@code embeddings [max_len, d]}. A
 * sequence longer than max_len has no vector for its last positions: an error when seq is known.
 */
public final class PositionEmbedding extends TensorOpDefinition {
  public PositionEmbedding() {
    super("position_embedding", Kind.LAYER, "Adds a learned vector per position: [seq, d] with seq <= max_len.",
        Signature.of(1, required("max_len", ParamType.SIZE)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    requireSequence("position_embedding", x);
    Dim seq = x.shape().dim(1);
    long max = args.integer("max_len");
    if (seq.isKnown() && seq.sizeOr(-1) > max) {
      throw new ShapeException("position_embedding(" + max + ") has vectors for " + max + " positions, but "
          + x + " has " + seq, "give max_len of at least " + seq + ", or shorten the sequence");
    }
    return x;
  }

  /** Fails unless x is {@code [batch, positions, features]} with a known feature size. */
  static void requireSequence(String op, TensorType x) throws ShapeException {
    Shapes.requireRank(op, x, 3, "[batch, positions, features]",
        "give one vector per position: reshape the positions into one axis");
    Shapes.knownLast(op, x);
  }

  @Override
  public List<WeightSpec> weights(Args args, List<TensorType> inputs) {
    long d = inputs.get(0).shape().last().sizeOr(-1);
    return List.of(new WeightSpec("embeddings", TensorShape.of(args.integer("max_len"), d), true, "glorot_uniform"));
  }
}
