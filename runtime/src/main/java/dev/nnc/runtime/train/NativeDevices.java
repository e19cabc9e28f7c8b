package dev.nnc.runtime.train;

import java.util.Optional;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.Result;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.KernelList;

/**
 * What the TensorFlow native library in use can run on. TF Java 1.1.0 has no public list of
 * devices, so the questions are asked through TensorFlow's C API (its kernel registry) and by
 * trying to place an op.
 */
final class NativeDevices {
  private NativeDevices() {}

  /** True when the native library was built with GPU kernels (the {@code linux-x86_64-gpu} build). */
  static boolean libraryHasGpuKernels() {
    TensorFlow.version(); // loads the native library
    TF_Status status = TF_Status.newStatus();
    try (BytePointer op = new BytePointer("MatMul")) {
      TF_Buffer buffer = tensorflow.TF_GetRegisteredKernelsForOp(op, status);
      status.throwExceptionIfNotOK();
      try {
        return KernelList.parseFrom(buffer.dataAsByteBuffer()).getKernelList().stream()
            .anyMatch(kernel -> kernel.getDeviceType().equals("GPU"));
      } finally {
        buffer.delete();
      }
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException("TensorFlow's kernel registry could not be read", e);
    } finally {
      status.delete();
    }
  }

  /**
   * Why an op pinned to device {@code index} of {@code type} cannot run in a session with
   * {@code config}, placement made strict; empty when it runs.
   */
  static Optional<String> whyNotPlaceable(ConfigProto config, DeviceSpec.DeviceType type, int index) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph).withDevice(DeviceSpec.newBuilder().deviceType(type).deviceIndex(index).build());
      var probe = tf.math.add(tf.constant(1f), tf.constant(1f));
      try (Session session = new Session(graph, config.toBuilder().setAllowSoftPlacement(false).build());
          Result result = session.runner().fetch(probe).run()) {
        return Optional.empty();
      } catch (RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        return Optional.of(message.lines().findFirst().orElse(message).trim());
      }
    }
  }
}
