package dev.nnc.stdlib.layers;

import static dev.nnc.stdlib.spec.Param.named;

import dev.nnc.stdlib.Kind;
import dev.nnc.stdlib.TensorOpDefinition;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.ShapeException;
import dev.nnc.stdlib.spec.Signature;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;

/**
 * {@code sinusoidal(max_wavelength: 10000)}: adds the fixed encoding of Vaswani et al. to {@code
 * float[batch, seq, d]}, as Keras Hub's SinePositionEncoding computes it: feature i of position p is
 * sin (even i) or cos (odd i) of {@code p / max_wavelength^(2 floor(i / 2) / d)}. No weights.
 */
public final class Sinusoidal extends TensorOpDefinition {
  public Sinusoidal() {
    super("sinusoidal", Kind.LAYER, "Adds the fixed sine/cosine position encoding of Vaswani et al.",
        Signature.of(1, named("max_wavelength", ParamType.POSITIVE_FLOAT, 10000.0)));
  }

  @Override
  public TensorType outputType(Args args, List<TensorType> inputs) throws ShapeException {
    TensorType x = inputs.get(0);
    PositionEmbedding.requireSequence("sinusoidal", x);
    if (!x.shape().dim(1).isKnown()) {
      throw new ShapeException("sinusoidal needs the length of " + x + " to build its encoding",
          "give the sequence a fixed length");
    }
    return x;
  }

  /** The encoding, [seq, d] row-major. */
  public static float[] encoding(int seq, int d, double maxWavelength) {
    float[] values = new float[seq * d];
    for (int p = 0; p < seq; p++) {
      for (int i = 0; i < d; i++) {
        double angle = p * Math.pow(1 / maxWavelength, 2.0 * (i / 2) / d);
        values[p * d + i] = (float) (i % 2 == 0 ? Math.sin(angle) : Math.cos(angle));
      }
    }
    return values;
  }
}
