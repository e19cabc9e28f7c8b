package dev.nnc.runtime.distributed;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.collective.CollectiveBcastRecv;
import org.tensorflow.op.collective.CollectiveBcastSend;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Worker 0's weights to every worker, once, before the first step: so all workers start from the
 * same weights whatever their initializers drew, and a cluster resumed from worker 0's checkpoint
 * needs no shared file system. Every worker initializes its variables first (a session bound to a
 * server does not do it by itself), then runs this op; the variables travel packed into one tensor.
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * Every float variable of {@code graph} (weights, optimizer slots and accumulators), in the order
   * they were made, which is the same on every worker that builds the same graph: what a worker
   * broadcasts once the whole training graph is built.
   */
  public static List<Output<TFloat32>> floatVariables(Graph graph) {
    List<Output<TFloat32>> variables = new ArrayList<>();
    for (Iterator<GraphOperation> ops = graph.operations(); ops.hasNext(); ) {
      GraphOperation op = ops.next();
      if (op.type().equals("VariableV2") && op.attributes().getAttrType("dtype") == DataType.DT_FLOAT) {
        variables.add(op.output(0));
      }
    }
    return variables;
  }

  /**
   * The op that sends {@code variables} (worker 0, {@code chief}) or overwrites them with what
   * worker 0 sent (the others). Every worker must pass the same variables in the same order.
   */
  public static Op fromChief(Ops tf, List<? extends Operand<TFloat32>> variables, CollectiveGroup group, boolean chief) {
    Ops scoped = tf.withSubScope("broadcast");
    if (variables.isEmpty() || group.size() == 1) {
      return scoped.noOp();
    }
    // Reads through identity: math on a variable's reference output breaks TF Java 1.1.0 (notes/tensorflow-java.md).
    List<Operand<TFloat32>> reads = new ArrayList<>();
    long elements = 0;
    for (Operand<TFloat32> v : variables) {
      if (v.shape().hasUnknownDimension()) {
        throw new IllegalArgumentException("variable " + v.op().name() + " has shape " + v.shape() + ", not a known one");
      }
      reads.add(scoped.identity(v));
      elements += v.shape().size();
    }
    Operand<TInt32> size = scoped.constant(group.size());
    Operand<TInt32> groupKey = scoped.constant(group.groupKey());
    Operand<TInt32> instanceKey = scoped.constant(group.nextInstanceKey());
    Float timeout = group.timeouts().startupSeconds();
    if (chief) {
      CollectiveBcastSend<TFloat32> send = CollectiveBcastSend.create(scoped.scope(), Packing.pack(scoped, reads),
          size, groupKey, instanceKey, CollectiveBcastSend.timeoutSeconds(timeout));
      return scoped.withControlDependencies(List.of(send)).noOp();
    }
    CollectiveBcastRecv<TFloat32> received = CollectiveBcastRecv.create(scoped.scope(), size, groupKey, instanceKey,
        scoped.constant(new long[] {elements}), TFloat32.class, CollectiveBcastRecv.timeoutSeconds(timeout));
    List<Operand<TFloat32>> values = Packing.unpack(scoped, received.data(), reads);
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      assigns.add(scoped.assign(variables.get(i), values.get(i)));
    }
    return scoped.withControlDependencies(assigns).noOp();
  }
}
