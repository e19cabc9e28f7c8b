package dev.nnc.stdlib.graph;

import dev.nnc.runtime.graph.Net;
import dev.nnc.stdlib.layers.Attention;
import dev.nnc.stdlib.spec.Args;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The graph half of {@link Attention}, Keras's MultiHeadAttention written as its einsums: per-head
 * projections, scaled dot products, an additive causal mask of -1e9, softmax over the keys, dropout
 * of the probabilities while training, and the output projection. The context arrives as the
 * argument {@code context} (an operand), or is the input itself.
 */
final class AttentionGraph implements OneOutput {
  /** Keras's large negative for float32 masks: exp of it is 0, and it stays finite. */
  private static final float MASKED = -1e9f;

  @Override
  @SuppressWarnings("unchecked")
  public Operand<?> output(Net net, Args args, List<Operand<?>> inputs, Map<String, Operand<?>> w) {
    Ops tf = net.tf();
    Operand<TFloat32> x = (Operand<TFloat32>) inputs.get(0);
    Operand<TFloat32> context = args.isGiven("context") ? (Operand<TFloat32>) args.get("context") : x;
    boolean bias = args.bool("bias");
    Operand<TFloat32> q = project(tf, x, w, "query", bias);
    Operand<TFloat32> k = project(tf, context, w, "key", bias);
    Operand<TFloat32> v = project(tf, context, w, "value", bias);
    q = tf.math.mul(q, tf.constant((float) (1 / Math.sqrt(args.integer("key_dim")))));
    Operand<TFloat32> scores = tf.linalg.einsum(List.of(q, k), "bshk,bthk->bhst");
    if (args.bool("causal")) {
      int s = (int) x.shape().size(1);
      int t = (int) context.shape().size(1);
      Operand<TFloat32> visible = CausalMaskGraph.lowerTriangle(net, s, t);
      scores = tf.math.add(scores, tf.math.mul(tf.math.sub(tf.constant(1f), visible), tf.constant(MASKED)));
    }
    Operand<TFloat32> probs = tf.nn.softmax(scores);
    double rate = args.real("dropout");
    if (rate > 0) {
      probs = DropoutGraph.drop(net, probs, rate);
    }
    Operand<TFloat32> heads = tf.linalg.einsum(List.of(probs, v), "bhst,bthv->bshv");
    Operand<TFloat32> y = tf.linalg.einsum(List.of(heads, (Operand<TFloat32>) w.get("output_kernel")), "bshv,hvd->bsd");
    return bias ? tf.math.add(y, (Operand<TFloat32>) w.get("output_bias")) : y;
  }

  /** x's projection to [batch, positions, heads, size] by {@code name_kernel}, plus its bias. */
  @SuppressWarnings("unchecked")
  private static Operand<TFloat32> project(Ops tf, Operand<TFloat32> x, Map<String, Operand<?>> w, String name,
      boolean bias) {
    Operand<TFloat32> p = tf.linalg.einsum(List.of(x, (Operand<TFloat32>) w.get(name + "_kernel")), "bsd,dhk->bshk");
    return bias ? tf.math.add(p, (Operand<TFloat32>) w.get(name + "_bias")) : p;
  }
}
