package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.ClassToken;
import dev.nnc.stdlib.layers.PositionEmbedding;
import dev.nnc.stdlib.layers.Sinusoidal;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** The graph halves of the layers that give a sequence its positions. */
final class PositionGraphs {
  private PositionGraphs() {}

  /** {@link PositionEmbedding}: x plus the first seq rows of the embeddings. */
  static final class Learned implements OneOutput {
    @Override
    @SuppressWarnings("unchecked")
    public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
      Ops tf = net.tf();
      Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
      int seq = (int) x.shape().size(1);
      int d = (int) x.shape().size(2);
      Operand<TFloat32> rows = tf.slice((Operand<TFloat32>) w.get("embeddings"), tf.constant(new int[] {0, 0}),
          tf.constant(new int[] {seq, d}));
      return tf.math.add(x, rows);
    }
  }

  /** {@link Sinusoidal}: x plus a constant. */
  static final class Fixed implements OneOutput {
    @Override
    @SuppressWarnings("unchecked")
    public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
      Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
      int seq = (int) x.shape().size(1);
      int d = (int) x.shape().size(2);
      float[] encoding = Sinusoidal.encoding(seq, d, args.real("max_wavelength"));
      return net.tf().math.add(x, net.tf().constant(Shape.of(seq, d), DataBuffers.of(encoding)));
    }
  }

  /**
   * {@link ClassToken}: the token, broadcast to [batch, 1, d] by adding it to zeros of the first
   * position's shape (Add differentiates; BroadcastTo has no gradient here), before the sequence.
   */
  static final class Token implements OneOutput {
    @Override
    @SuppressWarnings("unchecked")
    public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
      Ops tf = net.tf();
      Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
      Operand<TFloat32> first = tf.slice(x, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {-1, 1, -1}));
      Operand<TFloat32> tokens = tf.math.add(tf.zerosLike(tf.stopGradient(first)), (Operand<TFloat32>) w.get("token"));
      return tf.concat(List.of(tokens, x), tf.constant(1));
    }
  }
}
