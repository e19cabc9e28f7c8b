package dev.nnc.runtime.distributed;

import dev.nnc.runtime.graph.Net;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Split;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Data parallelism in one process: the model and its loss built once per device, each on its own
 * slice of the batch, sharing one set of weights, and the gradients of the replicas' losses
 * averaged, for one update. With equal slices and a loss that is a batch mean, the averaged
 * gradient is that of the whole batch (within float rounding), so the update is one device's.
 *
 * <p>TensorFlow's gradient builder places no op (notes/distributed.md, hazard 4): each replica's
 * forward pass runs on its device, its backward pass where TensorFlow's placer puts it (the first
 * device). Right on any device; on GPUs the backward passes are not spread.
 */
public final class Replicas {
  private Replicas() {}

  /** A replica's loss, built in {@code replica} (the model's context, placed on the replica's device) from its slice of the batch. */
  @FunctionalInterface
  public interface ReplicaLoss {
    Operand<TFloat32> build(Net replica, Map<String, Operand<?>> slice);
  }

  /**
   * The result: the mean of the replicas' losses, the trainable weights in creation order, and
   * their averaged gradients in the same order, for the optimizer's apply.
   */
  public record Replicated(Operand<TFloat32> loss, List<Net.Weight> weights, List<Operand<TFloat32>> gradients) {}

  /**
   * Splits every tensor of {@code batch} along its first axis into {@code devices.size()} equal
   * slices and builds {@code loss} on each, in {@code root.application(model)} placed on the
   * slice's device: the first replica creates the weights under {@code model/}, the others share them.
   */
  public static Replicated build(Net root, String model, DeviceList devices, Map<String, Operand<?>> batch, ReplicaLoss loss) {
    int n = devices.size();
    Ops tf = root.tf().withSubScope("replicas");
    List<Map<String, Operand<?>>> slices = slices(tf, batch, n);
    List<Operand<TFloat32>> losses = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      losses.add(loss.build(root.application(model).onDevice(devices.device(i)), slices.get(i)));
    }
    List<Net.Weight> weights = root.weightsOf(model).stream().filter(Net.Weight::trainable).toList();
    Output<?>[] reads = weights.stream().map(w -> w.read().asOutput()).toArray(Output<?>[]::new);
    List<List<Output<?>>> perReplica = new ArrayList<>();
    for (Operand<TFloat32> replicaLoss : losses) {
      perReplica.add(List.of(root.graph().addGradients(replicaLoss.asOutput(), reads)));
    }
    Operand<TFloat32> scale = tf.constant(1f / n);
    List<Operand<TFloat32>> gradients = new ArrayList<>();
    for (int w = 0; w < weights.size(); w++) {
      List<Operand<TFloat32>> terms = new ArrayList<>();
      for (List<Output<?>> grads : perReplica) {
        terms.add(grads.get(w).expect(TFloat32.class));
      }
      gradients.add(tf.math.mul(n == 1 ? terms.get(0) : tf.math.addN(terms), scale));
    }
    Operand<TFloat32> mean = tf.math.mul(n == 1 ? losses.get(0) : tf.math.addN(losses), scale);
    return new Replicated(mean, weights, gradients);
  }

  /**
   * Every tensor of {@code batch} split along its first axis into {@code n} equal slices: slice
   * {@code i} of each tensor, by name, for replica {@code i}.
   */
  public static List<Map<String, Operand<?>>> slices(Ops tf, Map<String, Operand<?>> batch, int n) {
    List<Map<String, Operand<?>>> slices = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      slices.add(new LinkedHashMap<>());
    }
    batch.forEach((name, tensor) -> {
      List<Output<?>> pieces = split(tf, name, tensor, n);
      for (int i = 0; i < n; i++) {
        slices.get(i).put(name, pieces.get(i));
      }
    });
    return slices;
  }

  private static List<Output<?>> split(Ops tf, String name, Operand<?> tensor, int n) {
    long rows = tensor.shape().numDimensions() > 0 ? tensor.shape().get(0) : -1;
    if (tensor.shape().numDimensions() == 0 || rows >= 0 && rows % n != 0) {
      throw new IllegalArgumentException(name + " has shape " + tensor.shape() + ": its first axis, the batch,"
          + " must divide into " + n + " equal slices, one per device");
    }
    @SuppressWarnings("unchecked")
    Split<TType> split = tf.split(tf.constant(0), (Operand<TType>) tensor, (long) n);
    return new ArrayList<>(split.output());
  }
}
