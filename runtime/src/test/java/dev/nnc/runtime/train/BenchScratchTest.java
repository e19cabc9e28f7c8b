package dev.nnc.runtime.train;

import dev.nnc.runtime.data.*;
import dev.nnc.runtime.graph.Net;
import java.io.*;
import java.nio.ByteBuffer;
import java.nio.file.*;
import java.util.*;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.*;

class BenchScratchTest {
  @TempDir Path dir;

  @Test
  void bench() throws IOException {
    int n = 60000;
    Random r = new Random(1);
    byte[] px = new byte[n * 784];
    r.nextBytes(px);
    byte[] lb = new byte[n];
    for (int i = 0; i < n; i++) lb[i] = (byte) r.nextInt(10);
    Path images = dir.resolve("img.gz"), labels = dir.resolve("lab.gz");
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(images))) {
      o.write(ByteBuffer.allocate(16).putInt(0x803).putInt(n).putInt(28).putInt(28).array()); o.write(px);
    }
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(labels))) {
      o.write(ByteBuffer.allocate(8).putInt(0x801).putInt(n).array()); o.write(lb);
    }
    for (int k = 0; k < 3; k++) {
      long t = System.nanoTime();
      Dataset d = Idx.load(images, labels);
      long t2 = System.nanoTime();
      d = d.map("image", c -> c.get("image").div(255));
      System.out.printf("load %.0f ms, map %.0f ms%n", (t2 - t) / 1e6, (System.nanoTime() - t2) / 1e6);
    }
    Dataset data = Idx.load(images, labels).map("image", c -> c.get("image").div(255)).shuffle(60000);
    for (String opt : List.of("adam", "adam")) {
      TrainSpec spec = TrainSpec.builder("mlp")
          .model(BenchScratchTest::mlp, List.of(Field.floats("image", 28, 28, 1)), List.of("logits"))
          .data(data).validate(data.take(10000))
          .loss(BenchScratchTest::xent)
          .optimizer(opt.equals("adam") ? g -> new Adam(g, 0.001f) : g -> new GradientDescent(g, 0.01f))
          .batch(100).epochs(2).build();
      Trainer.run(spec, TrainOptions.builder().logDir(dir).build());
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Operand<?>> mlp(Net net, Map<String, Operand<?>> in) {
    Ops tf = net.tf();
    Operand<TFloat32> x = tf.reshape((Operand<TFloat32>) in.get("image"), tf.constant(new int[] {-1, 784}));
    x = tf.nn.relu(Xor.dense(net.scope("d1"), x, 784, 256));
    x = tf.nn.relu(Xor.dense(net.scope("d2"), x, 256, 128));
    return Map.of("logits", Xor.dense(net.scope("d3"), x, 128, 10));
  }

  @SuppressWarnings("unchecked")
  static Operand<TFloat32> xent(Net net, Map<String, Operand<?>> v) {
    Ops tf = net.tf();
    Operand<TFloat32> oneHot = tf.oneHot((Operand<TInt32>) v.get("label"), tf.constant(10), tf.constant(1f), tf.constant(0f));
    return tf.nn.softmaxCrossEntropyWithLogits((Operand<TFloat32>) v.get("logits"), oneHot).loss();
  }
}
