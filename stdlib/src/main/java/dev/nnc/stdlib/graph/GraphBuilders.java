package dev.nnc.stdlib.graph;

import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.TensorOp;
import dev.nnc.stdlib.layers.Activation;
import dev.nnc.stdlib.layers.Arithmetic;
import dev.nnc.stdlib.layers.Comparison;
import dev.nnc.stdlib.layers.ElementwiseMath;
import dev.nnc.stdlib.layers.GlobalPool;
import dev.nnc.stdlib.layers.Pool;
import dev.nnc.stdlib.layers.RandomDraw;
import dev.nnc.stdlib.layers.Recurrent;
import dev.nnc.stdlib.layers.Reduce;
import dev.nnc.stdlib.losses.Mae;
import dev.nnc.stdlib.losses.Penalty;
import dev.nnc.stdlib.losses.PrecisionRecall;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The graph half of every tensor built-in of {@link Builtins}, by its definition. A built-in without
 * one fails {@code BuiltinContractTest}, which builds every entry of the registry.
 */
public final class GraphBuilders {
  private static final Map<TensorOp, GraphBuilder> BY_OP = new IdentityHashMap<>();

  static {
    put(Builtins.DENSE, new DenseGraph());
    put(Builtins.CONV2D, new Conv2dGraph());
    put(Builtins.CONV1D, new Conv1dGraph());
    put(Builtins.CONV2D_TRANSPOSE, new Conv2dTransposeGraph());
    put(Builtins.FLATTEN, new FlattenGraph());
    put(Builtins.RESHAPE, new ReshapeGraph());
    put(Builtins.DROPOUT, new DropoutGraph());
    put(Builtins.BATCHNORM, new BatchNormGraph());
    put(Builtins.LAYERNORM, new LayerNormGraph());
    put(Builtins.EMBEDDING, new EmbeddingGraph());
    put(Builtins.UPSAMPLE, new UpsampleGraph());
    put(Builtins.ONE_HOT, new OneHotGraph());
    put(Builtins.LRN, new LrnGraph());
    put(Builtins.MAXOUT, new MaxoutGraph());
    put(Builtins.ATTENTION, new AttentionGraph());
    put(Builtins.POSITION_EMBEDDING, new PositionGraphs.Learned());
    put(Builtins.SINUSOIDAL, new PositionGraphs.Fixed());
    put(Builtins.CLASS_TOKEN, new PositionGraphs.Token());
    put(Builtins.TRANSPOSE, new TransposeGraph());
    put(Builtins.CLIP, new ClipGraph());
    put(Builtins.ARGMAX, new ArgmaxGraph());
    put(Builtins.BERNOULLI, new BernoulliGraph());
    put(Builtins.CONCAT, new ConcatGraph());
    put(Builtins.MATMUL, new MatMulGraph());
    put(Builtins.SLICE, new SliceGraph());
    put(Builtins.SELECT, new SelectGraph());
    put(Builtins.CAUSAL_MASK, new CausalMaskGraph());
    put(Builtins.WHERE, new WhereGraph());
    put(Builtins.PICK, new PickGraph());
    for (Comparison f : Comparison.ALL) {
      put(f, new ComparisonGraph(f));
    }
    put(Builtins.CROSS_ENTROPY, new CrossEntropyGraph());
    put(Builtins.BCE, new BceGraph());
    put(Builtins.MSE, new MseGraph());
    put(Builtins.KL, new KlGraph());
    put(Builtins.TOP_K, new TopKGraph());
    put(Builtins.ACCURACY, new AccuracyGraph());
    put(Builtins.EXACT_MATCH, new ExactMatchGraph());
    for (Pool pool : new Pool[] {Pool.MAX, Pool.AVG}) {
      put(pool, new PoolGraph(pool));
    }
    for (GlobalPool pool : new GlobalPool[] {GlobalPool.MAX, GlobalPool.AVG}) {
      put(pool, new GlobalPoolGraph(pool));
    }
    for (Recurrent layer : new Recurrent[] {Recurrent.RNN, Recurrent.LSTM, Recurrent.GRU}) {
      put(layer, new RecurrentGraph(layer));
    }
    for (Activation activation : Activation.ALL) {
      put(activation, new ActivationGraph(activation));
    }
    for (ElementwiseMath f : new ElementwiseMath[] {ElementwiseMath.EXP, ElementwiseMath.LOG, ElementwiseMath.SQRT,
        ElementwiseMath.ABS, ElementwiseMath.SQUARE, ElementwiseMath.SIGN,
        ElementwiseMath.STOP_GRADIENT}) {
      put(f, new ElementwiseMathGraph(f));
    }
    for (Reduce f : new Reduce[] {Reduce.MEAN, Reduce.SUM, Reduce.MAX, Reduce.MIN, Reduce.STD}) {
      put(f, new ReduceGraph(f));
    }
    for (Arithmetic f : new Arithmetic[] {Arithmetic.ADD, Arithmetic.SUB, Arithmetic.MUL, Arithmetic.DIV}) {
      put(f, new ArithmeticGraph(f));
    }
    for (RandomDraw f : new RandomDraw[] {RandomDraw.NORMAL, RandomDraw.UNIFORM}) {
      put(f, new RandomDrawGraph(f));
    }
    for (Mae f : new Mae[] {Mae.MAE, Mae.HUBER}) {
      put(f, new MaeGraph(f));
    }
    for (Penalty f : new Penalty[] {Penalty.L1, Penalty.L2}) {
      put(f, new PenaltyGraph(f));
    }
    for (PrecisionRecall f : new PrecisionRecall[] {PrecisionRecall.PRECISION, PrecisionRecall.RECALL}) {
      put(f, new PrecisionRecallGraph(f));
    }
  }

  private GraphBuilders() {}

  private static void put(TensorOp op, GraphBuilder builder) {
    if (BY_OP.put(op, builder) != null) {
      throw new IllegalStateException("two graphs for " + op.name());
    }
  }

  /** The graph half of {@code op}. */
  public static GraphBuilder of(TensorOp op) {
    GraphBuilder builder = BY_OP.get(op);
    if (builder == null) {
      throw new IllegalStateException("`" + op.name() + "` has no graph: add it to GraphBuilders");
    }
    return builder;
  }
}
