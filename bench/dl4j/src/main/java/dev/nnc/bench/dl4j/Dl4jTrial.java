package dev.nnc.bench.dl4j;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The benchmark networks on Deeplearning4j's CPU backend (nd4j-native, OpenBLAS), one trial per JVM,
 * printing the same {@code RESULT} line as the nnc trials. The same layers, Keras's glorot_uniform
 * (XAVIER_UNIFORM) kernels and zero biases, Adam (lr 1e-3, epsilon 1e-7), batch 100, one
 * {@code fit(DataSet)} per step on a batch gathered from a shuffled order.
 *
 * <pre>Dl4jTrial mlp|cnn WARMUP STEPS DATA_DIR</pre>
 */
public final class Dl4jTrial {
  private static final int BATCH = 100;
  private static final int PIXELS = 784;

  public static void main(String[] args) throws IOException {
    String model = args[0];
    int warmup = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    Path dir = Path.of(args[3], "fashion-mnist");
    long start = System.nanoTime();
    float[] images = readImages(dir.resolve("train-images-idx3-ubyte.gz"));
    int[] labels = readLabels(dir.resolve("train-labels-idx1-ubyte.gz"));
    MultiLayerNetwork net = new MultiLayerNetwork(model.equals("mlp") ? mlp() : cnn());
    net.init();

    int[] order = shuffled(labels.length, new SplittableRandom(42));
    float[] x = new float[BATCH * PIXELS];
    float[] y = new float[BATCH * 10];
    long timedStart = 0;
    long cpuStart = 0;
    int next = 0;
    for (int step = 0; step < warmup + steps; step++) {
      if (step == warmup) {
        timedStart = System.nanoTime();
        cpuStart = processCpuNanos();
      }
      if (next + BATCH > order.length) {
        order = shuffled(labels.length, new SplittableRandom(42 + step));
        next = 0;
      }
      java.util.Arrays.fill(y, 0f);
      for (int i = 0; i < BATCH; i++) {
        int record = order[next + i];
        System.arraycopy(images, record * PIXELS, x, i * PIXELS, PIXELS);
        y[i * 10 + labels[record]] = 1f;
      }
      next += BATCH;
      net.fit(new DataSet(Nd4j.create(x, new long[] {BATCH, PIXELS}, DataType.FLOAT),
          Nd4j.create(y, new long[] {BATCH, 10}, DataType.FLOAT)));
    }
    double seconds = (System.nanoTime() - timedStart) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    System.out.println(String.format(Locale.ROOT,
        "RESULT impl=dl4j model=%s steps=%d examples_per_s=%.4f step_ms=%.4f examples_per_cpu_s=%.4f"
            + " cpu_load=%.4f loss=%.4f wall_s=%.4f vmhwm_mb=%.4f vmrss_mb=%.4f",
        model, steps, steps * BATCH / seconds, 1000 * seconds / steps, steps * BATCH / cpuSeconds,
        cpuSeconds / seconds, net.score(), (System.nanoTime() - start) / 1e9, procStatusMb("VmHWM"),
        procStatusMb("VmRSS")));
  }

  /** 784-256-128-10 with ReLU and softmax cross-entropy, as samples/fashion/mlp.nn. */
  private static MultiLayerConfiguration mlp() {
    return base().list()
        .layer(new DenseLayer.Builder().nIn(PIXELS).nOut(256).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(128).nOut(10)
            .activation(Activation.SOFTMAX).build())
        .build();
  }

  /**
   * conv5x5·32 → pool → conv5x5·64 → pool → dense 1024 → dropout 0.4 → 10, as samples/fashion/cnn.nn.
   * DL4J's dropOut(p) is a retain probability applied to the layer's input.
   */
  private static MultiLayerConfiguration cnn() {
    return base().convolutionMode(ConvolutionMode.Same).list()
        .layer(new ConvolutionLayer.Builder(5, 5).nOut(32).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new ConvolutionLayer.Builder(5, 5).nOut(64).activation(Activation.RELU).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
        .layer(new DenseLayer.Builder().nOut(1024).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(10).activation(Activation.SOFTMAX)
            .dropOut(0.6).build())
        .setInputType(InputType.convolutionalFlat(28, 28, 1))
        .build();
  }

  private static NeuralNetConfiguration.Builder base() {
    return new NeuralNetConfiguration.Builder()
        .seed(42)
        .dataType(DataType.FLOAT)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .biasInit(0)
        .updater(new Adam(1e-3, 0.9, 0.999, 1e-7));
  }

  private static float[] readImages(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != 0x803) {
        throw new IOException(file + " is not an IDX image file");
      }
      int count = in.readInt();
      int pixels = in.readInt() * in.readInt();
      byte[] raw = in.readNBytes(count * pixels);
      float[] out = new float[raw.length];
      for (int i = 0; i < raw.length; i++) {
        out[i] = (raw[i] & 0xff) / 255f;
      }
      return out;
    }
  }

  private static int[] readLabels(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != 0x801) {
        throw new IOException(file + " is not an IDX label file");
      }
      byte[] raw = in.readNBytes(in.readInt());
      int[] out = new int[raw.length];
      for (int i = 0; i < raw.length; i++) {
        out[i] = raw[i] & 0xff;
      }
      return out;
    }
  }

  private static int[] shuffled(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
  }

  private static double procStatusMb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return Double.NaN;
  }
}
