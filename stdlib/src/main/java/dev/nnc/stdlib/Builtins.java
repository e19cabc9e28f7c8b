package dev.nnc.stdlib;

import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.init.InitializerBuiltin;
import dev.nnc.stdlib.layers.Activation;
import dev.nnc.stdlib.layers.Argmax;
import dev.nnc.stdlib.layers.Attention;
import dev.nnc.stdlib.layers.Arithmetic;
import dev.nnc.stdlib.layers.BatchNorm;
import dev.nnc.stdlib.layers.Bernoulli;
import dev.nnc.stdlib.layers.ClassToken;
import dev.nnc.stdlib.layers.CausalMask;
import dev.nnc.stdlib.layers.Comparison;
import dev.nnc.stdlib.layers.Clip;
import dev.nnc.stdlib.layers.Concat;
import dev.nnc.stdlib.layers.Conv1d;
import dev.nnc.stdlib.layers.Conv2d;
import dev.nnc.stdlib.layers.Conv2dTranspose;
import dev.nnc.stdlib.layers.Dense;
import dev.nnc.stdlib.layers.Dropout;
import dev.nnc.stdlib.layers.ElementwiseMath;
import dev.nnc.stdlib.layers.Embedding;
import dev.nnc.stdlib.layers.Flatten;
import dev.nnc.stdlib.layers.LayerNorm;
import dev.nnc.stdlib.layers.Lrn;
import dev.nnc.stdlib.layers.GlobalPool;
import dev.nnc.stdlib.layers.MatMul;
import dev.nnc.stdlib.layers.Maxout;
import dev.nnc.stdlib.layers.OneHot;
import dev.nnc.stdlib.layers.Pick;
import dev.nnc.stdlib.layers.PositionEmbedding;
import dev.nnc.stdlib.layers.Pool;
import dev.nnc.stdlib.layers.RandomDraw;
import dev.nnc.stdlib.layers.Recurrent;
import dev.nnc.stdlib.layers.Reduce;
import dev.nnc.stdlib.layers.Reshape;
import dev.nnc.stdlib.layers.Select;
import dev.nnc.stdlib.layers.Sinusoidal;
import dev.nnc.stdlib.layers.Slice;
import dev.nnc.stdlib.layers.Transpose;
import dev.nnc.stdlib.layers.Upsample;
import dev.nnc.stdlib.layers.Where;
import dev.nnc.stdlib.losses.Accuracy;
import dev.nnc.stdlib.losses.ExactMatch;
import dev.nnc.stdlib.losses.Bce;
import dev.nnc.stdlib.losses.CrossEntropy;
import dev.nnc.stdlib.losses.Kl;
import dev.nnc.stdlib.losses.Mae;
import dev.nnc.stdlib.losses.Penalty;
import dev.nnc.stdlib.losses.PrecisionRecall;
import dev.nnc.stdlib.losses.TopK;
import dev.nnc.stdlib.losses.Mse;
import dev.nnc.stdlib.optimizers.OptimizerDef;
import dev.nnc.stdlib.optimizers.ScheduleDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard scope: every built-in by name. Generated code refers to the constants here
 * ({@code Builtins.DENSE}); the checker, {@code nnc summary} and the editor look names up in
 * {@link #lookup}.
 */
public final class Builtins {
  public static final TensorOp DENSE = new Dense();
  public static final TensorOp CONV2D = new Conv2d();
  public static final TensorOp MAXPOOL = Pool.MAX;
  public static final TensorOp AVGPOOL = Pool.AVG;
  public static final TensorOp GLOBAL_AVGPOOL = GlobalPool.AVG;
  public static final TensorOp GLOBAL_MAXPOOL = GlobalPool.MAX;
  public static final TensorOp FLATTEN = new Flatten();
  public static final TensorOp RESHAPE = new Reshape();
  public static final TensorOp DROPOUT = new Dropout();
  public static final TensorOp BATCHNORM = new BatchNorm();
  public static final TensorOp RNN = Recurrent.RNN;
  public static final TensorOp LSTM = Recurrent.LSTM;
  public static final TensorOp GRU = Recurrent.GRU;
  public static final TensorOp EMBEDDING = new Embedding();
  public static final TensorOp CONV1D = new Conv1d();
  public static final TensorOp CONV2D_TRANSPOSE = new Conv2dTranspose();
  public static final TensorOp UPSAMPLE = new Upsample();
  public static final TensorOp LAYERNORM = new LayerNorm();
  public static final TensorOp ONE_HOT = new OneHot();
  public static final TensorOp LRN = new Lrn();
  public static final TensorOp MAXOUT = new Maxout();
  public static final TensorOp ATTENTION = new Attention();
  public static final TensorOp POSITION_EMBEDDING = new PositionEmbedding();
  public static final TensorOp SINUSOIDAL = new Sinusoidal();
  public static final TensorOp CLASS_TOKEN = new ClassToken();

  public static final TensorOp RELU = Activation.RELU;
  public static final TensorOp SIGMOID = Activation.SIGMOID;
  public static final TensorOp TANH = Activation.TANH;
  public static final TensorOp SOFTMAX = Activation.SOFTMAX;
  public static final TensorOp ELU = Activation.ELU;
  public static final TensorOp LEAKY_RELU = Activation.LEAKY_RELU;
  public static final TensorOp SELU = Activation.SELU;
  public static final TensorOp GELU = Activation.GELU;
  public static final TensorOp SWISH = Activation.SWISH;
  public static final TensorOp SOFTPLUS = Activation.SOFTPLUS;
  public static final TensorOp EXP = ElementwiseMath.EXP;
  public static final TensorOp LOG = ElementwiseMath.LOG;
  public static final TensorOp SQRT = ElementwiseMath.SQRT;
  public static final TensorOp ABS = ElementwiseMath.ABS;
  public static final TensorOp SQUARE = ElementwiseMath.SQUARE;
  public static final TensorOp SIGN = ElementwiseMath.SIGN;
  public static final TensorOp MEAN = Reduce.MEAN;
  public static final TensorOp SUM = Reduce.SUM;
  public static final TensorOp MAX = Reduce.MAX;
  public static final TensorOp MIN = Reduce.MIN;
  public static final TensorOp TRANSPOSE = new Transpose();
  public static final TensorOp CLIP = new Clip();
  public static final TensorOp ARGMAX = new Argmax();
  public static final TensorOp NORMAL = RandomDraw.NORMAL;
  public static final TensorOp UNIFORM = RandomDraw.UNIFORM;
  public static final TensorOp BERNOULLI = new Bernoulli();

  public static final TensorOp CONCAT = new Concat();
  public static final TensorOp ADD = Arithmetic.ADD;
  public static final TensorOp SUB = Arithmetic.SUB;
  public static final TensorOp MUL = Arithmetic.MUL;
  public static final TensorOp DIV = Arithmetic.DIV;
  public static final TensorOp MATMUL = new MatMul();

  public static final TensorOp SLICE = new Slice();
  public static final TensorOp SELECT = new Select();
  public static final TensorOp CAUSAL_MASK = new CausalMask();
  public static final TensorOp WHERE = new Where();
  public static final TensorOp GREATER = Comparison.GREATER;
  public static final TensorOp LESS = Comparison.LESS;
  public static final TensorOp GREATER_EQUAL = Comparison.GREATER_EQUAL;
  public static final TensorOp LESS_EQUAL = Comparison.LESS_EQUAL;
  public static final TensorOp EQUAL = Comparison.EQUAL;
  public static final TensorOp NOT_EQUAL = Comparison.NOT_EQUAL;
  public static final TensorOp STD = Reduce.STD;
  public static final TensorOp LOG_SOFTMAX = Activation.LOG_SOFTMAX;
  public static final TensorOp STOP_GRADIENT = ElementwiseMath.STOP_GRADIENT;
  public static final TensorOp PICK = new Pick();

  public static final TensorOp CROSS_ENTROPY = new CrossEntropy();
  public static final TensorOp BCE = new Bce();
  public static final TensorOp MSE = new Mse();
  public static final TensorOp MAE = Mae.MAE;
  public static final TensorOp HUBER = Mae.HUBER;
  public static final TensorOp KL = new Kl();
  public static final TensorOp L1 = Penalty.L1;
  public static final TensorOp L2 = Penalty.L2;
  public static final TensorOp TOP_K = new TopK();
  public static final TensorOp ACCURACY = new Accuracy();
  public static final TensorOp EXACT_MATCH = new ExactMatch();
  public static final TensorOp PRECISION = PrecisionRecall.PRECISION;
  public static final TensorOp RECALL = PrecisionRecall.RECALL;

  public static final OptimizerDef SGD = OptimizerDef.SGD;
  public static final OptimizerDef MOMENTUM = OptimizerDef.MOMENTUM;
  public static final OptimizerDef ADAM = OptimizerDef.ADAM;
  public static final OptimizerDef NESTEROV = OptimizerDef.NESTEROV;
  public static final OptimizerDef ADAMAX = OptimizerDef.ADAMAX;
  public static final OptimizerDef NADAM = OptimizerDef.NADAM;
  public static final OptimizerDef ADADELTA = OptimizerDef.ADADELTA;
  public static final OptimizerDef ADAGRAD = OptimizerDef.ADAGRAD;
  public static final OptimizerDef RMSPROP = OptimizerDef.RMSPROP;

  public static final ScheduleDef EXPONENTIAL = ScheduleDef.EXPONENTIAL;
  public static final ScheduleDef STEP = ScheduleDef.STEP;
  public static final ScheduleDef COSINE = ScheduleDef.COSINE;
  public static final ScheduleDef WARMUP = ScheduleDef.WARMUP;

  private static final Map<String, Builtin> BY_NAME = new LinkedHashMap<>();

  static {
    for (Builtin builtin :
        List.of(DENSE, CONV2D, MAXPOOL, AVGPOOL, GLOBAL_AVGPOOL, FLATTEN, RESHAPE, DROPOUT, BATCHNORM,
            RNN, LSTM, GRU, EMBEDDING, CONV1D, CONV2D_TRANSPOSE, UPSAMPLE, LAYERNORM, GLOBAL_MAXPOOL,
            ONE_HOT, LRN, MAXOUT, ATTENTION, POSITION_EMBEDDING, SINUSOIDAL, CLASS_TOKEN,
            RELU, SIGMOID, TANH, SOFTMAX, ELU, LEAKY_RELU, SELU, GELU, SWISH, SOFTPLUS,
            EXP, LOG, SQRT, ABS, SQUARE, SIGN, MEAN, SUM, MAX, MIN, TRANSPOSE, CLIP, ARGMAX,
            NORMAL, UNIFORM, BERNOULLI,
            CONCAT, ADD, SUB, MUL, DIV, MATMUL,
            SLICE, SELECT, CAUSAL_MASK, WHERE, GREATER, LESS, GREATER_EQUAL, LESS_EQUAL, EQUAL, NOT_EQUAL,
            STD, LOG_SOFTMAX, STOP_GRADIENT, PICK,
            CROSS_ENTROPY, BCE, MSE, MAE, HUBER, KL, L1, L2, ACCURACY, EXACT_MATCH, TOP_K, PRECISION, RECALL,
            SGD, MOMENTUM, ADAM, NESTEROV, ADAMAX, NADAM, ADADELTA, ADAGRAD, RMSPROP,
            EXPONENTIAL, STEP, COSINE, WARMUP)) {
      BY_NAME.put(builtin.name(), builtin);
    }
  }

  private Builtins() {}

  public static Optional<Builtin> lookup(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static List<Builtin> all() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.values()));
  }

  /**
   * Every built-in of every kind: those of {@link #all}, then the data sources, the data transforms
   * and the initializers, which live in scopes of their own (a data block, after {@code |}, as
   * {@code init:}) and so may share a name with a tensor built-in ({@code normal}, {@code one_hot}).
   */
  public static List<Builtin> everyKind() {
    List<Builtin> every = new ArrayList<>(BY_NAME.values());
    every.addAll(DataBuiltins.SOURCES);
    every.addAll(DataBuiltins.TRANSFORMS);
    every.addAll(InitializerBuiltin.ALL);
    return Collections.unmodifiableList(every);
  }

  /** The Java constant for a built-in, as generated code writes it ({@code DENSE}, {@code LEAKY_RELU}). */
  public static String constantName(Builtin builtin) {
    return builtin.name().toUpperCase();
  }
}
