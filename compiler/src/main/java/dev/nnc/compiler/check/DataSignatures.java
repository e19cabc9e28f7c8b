package dev.nnc.compiler.check;

import static dev.nnc.stdlib.spec.Param.named;
import static dev.nnc.stdlib.spec.Param.required;

import dev.nnc.stdlib.spec.Param;
import dev.nnc.stdlib.spec.ParamType;
import dev.nnc.stdlib.spec.Signature;
import java.util.Map;

/**
 * The parameters of the data sources and transforms (LANGUAGE.md §6) that take ordinary arguments,
 * read by the checker to bind a call and by the emitter to write it with its defaults. Arguments
 * that name record fields ({@code one_hot(label, 10)}) or columns ({@code csv}'s fields) are not
 * parameters here: the checker reads those itself.
 */
public final class DataSignatures {
  public static final Signature IDX =
      Signature.of(0, required("images", ParamType.STRING), required("labels", ParamType.STRING));
  public static final Signature CSV =
      Signature.of(0, required("path", ParamType.STRING), named("header", ParamType.BOOL, false));
  /** {@code cifar100(files..., labels: fine)}: the setting after the files. */
  public static final Signature CIFAR100 =
      Signature.of(0, named("labels", ParamType.oneOf("fine", "coarse"), "fine"));
  public static final Signature IMAGES = Signature.of(0, required("dir", ParamType.STRING),
      new Param("size", ParamType.INT_OR_PAIR, null, false), named("channels", ParamType.SIZE, 3L));
  public static final Signature TEXT =
      Signature.of(0, required("path", ParamType.STRING), named("seq", ParamType.SIZE, 100L));
  public static final Signature NORMAL = Signature.of(0, required("shape", ParamType.INT_LIST),
      named("mean", ParamType.FLOAT, 0.0), named("std", ParamType.POSITIVE_FLOAT, 1.0));
  public static final Signature UNIFORM = Signature.of(0, required("shape", ParamType.INT_LIST),
      named("lo", ParamType.FLOAT, 0.0), named("hi", ParamType.FLOAT, 1.0));

  /** {@code augment(field, ...)}: the changes, after the field. */
  public static final Signature AUGMENT = Signature.of(0,
      named("flip", ParamType.oneOf("none", "horizontal", "vertical", "horizontal_and_vertical"), "none"),
      named("rotate", ParamType.FLOAT, 0.0), named("shift", ParamType.RATE, 0.0),
      named("zoom", ParamType.RATE, 0.0));
  /** {@code one_hot(field, depth)}: the depth, after the field. */
  public static final Signature ONE_HOT = Signature.of(0, required("depth", ParamType.SIZE));

  /** The transforms that take one count. */
  public static final Map<String, Signature> COUNTS = Map.of(
      "shuffle", Signature.of(0, required("buffer", ParamType.SIZE)),
      "take", Signature.of(0, required("n", ParamType.SIZE)),
      "skip", Signature.of(0, required("n", ParamType.SIZE)),
      "repeat", Signature.of(0, required("times", ParamType.SIZE)));

  private DataSignatures() {}
}
