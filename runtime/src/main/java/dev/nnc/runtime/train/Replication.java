package dev.nnc.runtime.train;

import dev.nnc.runtime.distributed.AllReduce;
import dev.nnc.runtime.distributed.ClusterTask;
import dev.nnc.runtime.distributed.CollectiveGroup;
import dev.nnc.runtime.distributed.DeviceList;
import dev.nnc.runtime.distributed.Replicas;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * How a job's step is replicated (LANGUAGE.md §7.6), for {@link ReplicatedStep}: not at all (one
 * device), a replica per device of this process ({@code --devices}), or one replica per worker of a
 * cluster ({@code --cluster}, {@code TF_CONFIG}), this process building its own.
 */
interface Replication {
  /** One device, the whole batch: the step as written. */
  Replication NONE = new Replication() {
    @Override
    public List<Replica> replicas(Ops tf, Map<String, Operand<?>> fields) {
      return List.of(new Replica(Optional.empty(), fields));
    }

    @Override
    public Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> values) {
      return values.get(0);
    }


    @Override
    public GradientTransform gradients() {
      return GradientTransform.none();
    }

    @Override
    public boolean replicated() {
      return false;
    }
  };

  /** A replica this process builds: its ops' device (none: where TensorFlow puts them) and its slice of the batch. */
  record Replica(Optional<DeviceSpec> device, Map<String, Operand<?>> slice) {}

  /** The replicas this process builds on the batch's {@code fields}. */
  List<Replica> replicas(Ops tf, Map<String, Operand<?>> fields);

  /**
   * The mean over every replica, of every process, of a value this process's replicas computed; a
   * loss minimized as this mean has, after {@link #gradients}, the mean of the replicas' gradients.
   */
  Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> values);

  /** What the gradients of a minimized loss go through before clipping and the update. */
  GradientTransform gradients();

  /** False for {@link #NONE}: the step's application of a model is then the one exported. */
  boolean replicated();

  /** A replica per device of {@code devices}, each on its slice of the batch, their gradients averaged in the graph. */
  static Replication onDevices(DeviceList devices) {
    return new Replication() {
      @Override
      public List<Replica> replicas(Ops tf, Map<String, Operand<?>> fields) {
        List<Map<String, Operand<?>>> slices = Replicas.slices(tf, fields, devices.size());
        List<Replica> replicas = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
          replicas.add(new Replica(Optional.of(devices.device(i)), slices.get(i)));
        }
        return replicas;
      }

      @Override
      public Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> values) {
        return tf.math.mul(tf.math.addN(values), tf.constant(1f / values.size()));
      }


      @Override
      public GradientTransform gradients() {
        return GradientTransform.none();
      }

      @Override
      public boolean replicated() {
        return true;
      }
    };
  }

  /**
   * This worker's replica of a cluster's: its slice of every global batch, its gradients and reported
   * values averaged over the workers by all-reduce ({@link AllReduce}), so every worker makes the
   * same update and reports the whole batch's figures. {@code group} numbers the collectives, which
   * every worker builds in the same order.
   */
  static Replication inCluster(ClusterTask task, CollectiveGroup group) {
    AllReduce allReduce = new AllReduce(group);
    return new Replication() {
      @Override
      public List<Replica> replicas(Ops tf, Map<String, Operand<?>> fields) {
        return List.of(new Replica(Optional.empty(), Replicas.slices(tf, fields, task.size()).get(task.index())));
      }

      @Override
      public Operand<TFloat32> mean(Ops tf, List<Operand<TFloat32>> values) {
        // The all-reduce has no gradient: the value is the workers' mean, the gradient this worker's
        // own, which the gradients' all-reduce then averages.
        Operand<TFloat32> local = values.get(0);
        Operand<TFloat32> mean = allReduce.reduce(tf, values).get(0);
        return tf.math.add(local, tf.stopGradient(tf.math.sub(mean, local)));
      }


      @Override
      public GradientTransform gradients() {
        return allReduce::reduce;
      }

      @Override
      public boolean replicated() {
        return true;
      }
    };
  }
}
