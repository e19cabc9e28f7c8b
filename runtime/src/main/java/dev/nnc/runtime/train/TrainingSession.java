package dev.nnc.runtime.train;

import dev.nnc.runtime.distributed.DeviceList;
import java.util.Optional;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/**
 * The session a job trains in, on the device of {@code --device} or the devices of
 * {@code --devices}; and, for several devices, the check that every batch splits into equal slices,
 * made before anything is written.
 */
final class TrainingSession {
  private TrainingSession() {}

  static Session open(TrainOptions options, Graph graph, ConfigProto config) {
    if (options.devices().isEmpty()) {
      return options.device().open(graph, config);
    }
    DeviceList devices = options.devices().get();
    if (devices.type() == DeviceSpec.DeviceType.GPU && !NativeDevices.libraryHasGpuKernels()) {
      throw new TrainException("--devices " + devices + ": this nnc runs on TensorFlow's CPU-only native library;"
          + " build it with the GPU one (NNC_GPU=1 ./nnc ..., or mvn -Pgpu), or train on --devices cpu:0,cpu:1");
    }
    return new Session(graph, devices.configure(config));
  }

  /** With {@code --devices}, refuses a run whose training or validation batches do not all split into one equal slice per device. */
  static void requireSplittable(String job, TrainOptions options, int batch, long records, Optional<Long> validation) {
    requireSplittable(job, options.devices(), batch, "training", records);
    validation.ifPresent(size -> requireSplittable(job, options.devices(), batch, "validation", size));
  }

  /** The check for {@code batch} itself and the last batch of {@code records} ({@code what}: "training" or "validation"). */
  private static void requireSplittable(String job, Optional<DeviceList> devices, int batch, String what, long records) {
    if (devices.isEmpty()) {
      return;
    }
    DeviceList list = devices.get();
    int n = list.size();
    long last = records % batch;
    if (batch % n != 0) {
      throw new TrainException("job " + job + ": batch " + batch + " does not split into " + n
          + " equal slices, one per device of --devices " + list + "; make the batch a multiple of " + n);
    }
    if (last % n != 0) {
      throw new TrainException("job " + job + ": the last " + what + " batch of every epoch has " + last
          + " records (" + records + " in all, batch " + batch + "), which do not split into " + n
          + " equal slices for --devices " + list + "; set drop_last: true in the job, or use a number of"
          + " records that leaves a last batch " + n + " divides");
    }
  }
}
