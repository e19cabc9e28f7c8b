package dev.nnc.runtime.train;

import dev.nnc.runtime.data.Batch;
import dev.nnc.runtime.data.Field;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.tensorflow.Operand;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** A data field's placeholder, shaped {@code [batch, ...field shape]}, and how to fill it. */
record FieldFeed(Field field, Operand<?> placeholder) {
  static FieldFeed create(Ops tf, Field field) {
    Shape shape = batchShape(field, -1);
    Ops named = tf.withName(field.name());
    Operand<?> placeholder = switch (field.type()) {
      case FLOAT -> named.placeholder(TFloat32.class, Placeholder.shape(shape));
      case INT -> named.placeholder(TInt32.class, Placeholder.shape(shape));
      case BOOL -> throw new IllegalArgumentException("a data field is float or int, not bool: " + field.name());
    };
    return new FieldFeed(field, placeholder);
  }

  /** The batch's values of this field as a tensor, wrapping its flat array; the caller closes it. */
  Tensor tensor(Batch batch) {
    Shape shape = batchShape(field, batch.size());
    return switch (field.type()) {
      case FLOAT ->
          TFloat32.tensorOf(shape, DataBuffers.of(batch.floats(field.name()), true, false));
      case INT -> TInt32.tensorOf(shape, DataBuffers.of(batch.ints(field.name()), true, false));
      case BOOL -> throw new IllegalArgumentException("a data field is float or int, not bool: " + field.name());
    };
  }

  private static Shape batchShape(Field field, long batch) {
    return Shape.of(LongStream.concat(LongStream.of(batch),
        Arrays.stream(field.shape()).asLongStream()).toArray());
  }
}
