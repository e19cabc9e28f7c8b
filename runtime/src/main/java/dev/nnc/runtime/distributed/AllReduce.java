package dev.nnc.runtime.distributed;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.OperationBuilder;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Synchronous all-reduce of a step's gradients over the workers of a cluster: every worker gets
 * the mean of all workers' gradients, bit for bit the same, so workers that start from the same
 * weights stay identical. The gradients are packed into few flat tensors (runs of at most
 * {@link #DEFAULT_PACK_ELEMENTS} floats), each reduced by TensorFlow's {@code CollectiveReduceV2}
 * (ring), then cut back.
 *
 * <p>{@code CollectiveReduceV2} is built by name: TF Java wraps only {@code CollectiveReduceV3},
 * whose communicator op crashes the JVM in TF 2.18 (notes/distributed.md, hazard 1).
 */
public final class AllReduce implements GradientReduction {
  /** 16 MB of floats: the gradients of samples/fashion/cnn.nn (13.1 MB) are one collective, a ResNet-50's (102 MB) several. */
  public static final long DEFAULT_PACK_ELEMENTS = 4L << 20;

  private final CollectiveGroup group;
  private final long packElements;

  public AllReduce(CollectiveGroup group) {
    this(group, DEFAULT_PACK_ELEMENTS);
  }

  public AllReduce(CollectiveGroup group, long packElements) {
    this.group = group;
    this.packElements = packElements;
  }

  @Override
  public List<Operand<TFloat32>> reduce(Ops tf, List<Operand<TFloat32>> gradients) {
    if (group.size() == 1) {
      return gradients;
    }
    Ops scoped = tf.withSubScope("all_reduce");
    List<Operand<TFloat32>> result = new ArrayList<>();
    for (List<Operand<TFloat32>> run : Packing.runs(gradients, packElements)) {
      Operand<TFloat32> mean = mean(scoped, Packing.pack(scoped, run));
      result.addAll(Packing.unpack(scoped, mean, run));
    }
    return result;
  }

  /** The mean over the group of {@code value}, which has the same shape on every member. */
  Operand<TFloat32> mean(Ops tf, Operand<TFloat32> value) {
    OperationBuilder op = tf.scope().opBuilder("CollectiveReduceV2", "CollectiveReduceV2")
        .addInput(value.asOutput())
        .addInput(tf.constant(group.size()).asOutput())
        .addInput(tf.constant(group.groupKey()).asOutput())
        .addInput(tf.constant(group.nextInstanceKey()).asOutput())
        .addInputList(new Output<?>[0]) // ordering_token: none
        .setAttr("T", DataType.DT_FLOAT)
        .setAttr("merge_op", "Add")
        .setAttr("final_op", "Div")
        .setAttr("communication_hint", "ring")
        .setAttr("timeout_seconds", group.timeouts().stepSeconds());
    return op.build().output(0);
  }
}
