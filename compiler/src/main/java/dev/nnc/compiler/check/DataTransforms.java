package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.stdlib.data.DataBuiltin;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.Signature;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The data transforms (LANGUAGE.md §6) after {@code |}: what each does to the fields of the records
 * and whether it may follow what came before it.
 */
final class DataTransforms {
  private static final List<String> NAMES = DataBuiltins.TRANSFORMS.stream().map(DataBuiltin::name).toList();

  private final Checker checker;
  private final Diagnostics diagnostics;
  private final ArgBinder binder;
  /** What each transform of the registry does; DataBuiltinContractTest checks every transform has one. */
  private final Map<DataBuiltin, Rule> rules;

  /** The records after one transform. */
  private interface Rule {
    Value apply(DataBuiltin transform, Value.Dataset dataset, Ast.Call call, Evaluator evaluator);
  }

  DataTransforms(Checker checker) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.binder = new ArgBinder(diagnostics);
    this.rules = Map.of(
        DataBuiltins.MAP, (t, dataset, call, evaluator) -> map(dataset, call),
        DataBuiltins.SHUFFLE, this::count,
        DataBuiltins.TAKE, this::count,
        DataBuiltins.SKIP, this::count,
        DataBuiltins.REPEAT, this::count,
        DataBuiltins.SPLIT, (t, dataset, call, evaluator) -> split(dataset, call, evaluator),
        DataBuiltins.ONE_HOT, (t, dataset, call, evaluator) -> oneHot(dataset, call, evaluator),
        DataBuiltins.AUGMENT, (t, dataset, call, evaluator) -> augment(dataset, call, evaluator),
        DataBuiltins.STANDARDIZE, (t, dataset, call, evaluator) -> standardize(dataset, call, evaluator));
  }

  /** {@code dataset | transform}: the records after it, or {@link Value#ERROR} after reporting why not. */
  Value apply(Value.Dataset dataset, Ast.Expr transform, Evaluator evaluator) {
    Ast.Call call = transform instanceof Ast.Call c && c.callee() instanceof Ast.Name ? c : null;
    String name = call != null ? ((Ast.Name) call.callee()).name() : transform instanceof Ast.Name n ? n.name() : null;
    if (name == null || !NAMES.contains(name)) {
      Diagnostic d = Diagnostic.at(Code.NN0101, transform.span(), "unknown data transform `" + transform.span().text() + "`");
      String close = name == null ? null : Suggestions.closest(name, NAMES);
      diagnostics.report(d.help(close != null ? "did you mean `" + close + "`?" : "transforms are " + String.join(", ", NAMES)));
      return Value.ERROR;
    }
    if (call == null) {
      diagnostics.report(Diagnostic.at(Code.NN0203, transform.span(), "`" + name + "` needs arguments")
          .help(name.equals("repeat")
              ? "say how many passes over the records one epoch makes, as in repeat(2); the trainer already repeats the data every epoch"
              : "as in " + example(name)));
      return Value.ERROR;
    }
    DataBuiltin builtin = DataBuiltins.transform(name).orElseThrow();
    return rules.get(builtin).apply(builtin, dataset, call, evaluator);
  }

  private static String example(String transform) {
    return DataBuiltins.transform(transform).orElseThrow().example();
  }

  /** {@code map(image: image / 255)}: each named argument computes a FLOAT field from the record's fields. */
  private Value map(Value.Dataset dataset, Ast.Call call) {
    Map<String, Value> fields = Evaluator.scope();
    for (Field f : dataset.fields()) {
      fields.put(f.name(), new Value.Tensor(DataChecker.typeOf(f), call.span()));
    }
    Evaluator inRecord = new Evaluator(checker, fields, null);
    List<Field> result = new ArrayList<>(dataset.fields());
    for (Ast.Arg arg : call.args()) {
      if (arg.name() == null) {
        diagnostics.report(Diagnostic.at(Code.NN0201, arg.span(), "map takes named fields, as in map(image: image / 255)"));
        return Value.ERROR;
      }
      Value v = inRecord.eval(arg.value());
      Value.Tensor t = v instanceof Value.Error ? null : inRecord.asTensor(v, arg.value().span());
      if (t == null) {
        return Value.ERROR;
      }
      int[] shape = t.type().shape().dims().stream().mapToInt(d -> (int) d.sizeOr(-1)).toArray();
      replace(result, Field.floats(arg.name().name(), shape));
    }
    return dataset.with(result, dataset.size());
  }

  /** {@code shuffle(buffer)}, {@code take(n)}, {@code skip(n)}, {@code repeat(times)}: the records, reordered or counted. */
  private Value count(DataBuiltin transform, Value.Dataset dataset, Ast.Call call, Evaluator evaluator) {
    Signature signature = transform.signature();
    Args args = bind(transform.name(), signature, call.args(), call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    long n = args.integer(signature.params().get(0).name());
    long size = dataset.size();
    if (transform == DataBuiltins.TAKE) {
      size = size < 0 ? n : Math.min(n, size);
    } else if (transform == DataBuiltins.SKIP) {
      size = size < 0 ? -1 : Math.max(0, size - n);
    } else if (transform == DataBuiltins.REPEAT) {
      size = size < 0 ? -1 : size * n;
    }
    Value.Dataset counted = dataset.with(dataset.fields(), size);
    return transform == DataBuiltins.SHUFFLE ? counted.shuffledEveryEpoch() : counted;
  }


  /**
   * {@code split(fraction)} or {@code split(fraction, seed: n)}: the first part and the rest, fixed
   * for every epoch, so a shuffle may not come before it.
   */
  private Value split(Value.Dataset dataset, Ast.Call call, Evaluator evaluator) {
    List<Ast.Arg> args = call.args();
    boolean seedOnly = args.size() == 2 && args.get(1).name() != null && args.get(1).name().name().equals("seed");
    if (args.isEmpty() || args.get(0).name() != null || args.size() > 2 || args.size() == 2 && !seedOnly) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(), "split takes the fraction of records in its first part, and optionally a seed")
          .help("split(0.9), or split(0.9, seed: 1) for a random split that is the same every epoch"));
      return Value.ERROR;
    }
    Value fraction = evaluator.eval(args.get(0).value());
    if (!(fraction instanceof Value.Const c && c.value() instanceof Number f && f.doubleValue() > 0 && f.doubleValue() < 1)) {
      if (!(fraction instanceof Value.Error)) {
        diagnostics.error(Code.NN0208, args.get(0).span(), "split takes a fraction between 0 and 1, found " + fraction.describe());
      }
      return Value.ERROR;
    }
    if (seedOnly) {
      Value seed = evaluator.eval(args.get(1).value());
      if (!(seed instanceof Value.Const s && s.value() instanceof Long n && n >= 0)) {
        if (!(seed instanceof Value.Error)) {
          diagnostics.error(Code.NN0201, args.get(1).value().span(), "the seed of split is a whole number of 0 or more, found " + seed.describe());
        }
        return Value.ERROR;
      }
    }
    if (dataset.shuffled()) {
      diagnostics.report(Diagnostic.at(Code.NN0407, call.span(),
              "split after shuffle would put different records in `.first` and `.rest` every epoch")
          .help("split first and shuffle each part; for a random split that stays fixed, write split(0.9, seed: 1)"));
      return Value.ERROR;
    }
    Value.Dataset part = dataset.with(dataset.fields(), -1);
    return new Value.DatasetParts(part, part);
  }

  /** {@code one_hot(label, 10)}: the INT field becomes FLOAT one-hot vectors. */
  private Value oneHot(Value.Dataset dataset, Ast.Call call, Evaluator evaluator) {
    Field field = field(dataset, call, "one_hot");
    Args args = field == null ? null : bind("one_hot", DataBuiltins.ONE_HOT.signature(), afterField(call), call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    if (field.type() != ElementType.INT) {
      diagnostics.report(Diagnostic.at(Code.NN0206, call.args().get(0).span(),
              "one_hot takes an int field of class indices, but `" + field.name() + "` is " + field.typeDescription())
          .help("fields read from csv are floats unless written `int(column(c))`"));
      return Value.ERROR;
    }
    int[] shape = Arrays.copyOf(field.shape(), field.shape().length + 1);
    shape[shape.length - 1] = (int) args.integer("depth");
    List<Field> result = new ArrayList<>(dataset.fields());
    replace(result, new Field(field.name(), ElementType.FLOAT, shape));
    return dataset.with(result, dataset.size());
  }

  /** {@code augment(image, flip: horizontal, rotate: 15, shift: 0.1, zoom: 0.1)}: the images change at random. */
  private Value augment(Value.Dataset dataset, Ast.Call call, Evaluator evaluator) {
    Field field = field(dataset, call, "augment");
    Args args = field == null ? null : bind("augment", DataBuiltins.AUGMENT.signature(), afterField(call), call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    if (field.type() != ElementType.FLOAT || field.shape().length != 3) {
      diagnostics.report(Diagnostic.at(Code.NN0206, call.args().get(0).span(),
          "augment changes images, float[height, width, channels], but `" + field.name() + "` is " + field.typeDescription()));
      return Value.ERROR;
    }
    if (args.given().isEmpty()) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(), "augment(" + field.name() + ") changes nothing")
          .help("say how: flip, rotate, shift or zoom, as in " + example("augment")));
      return Value.ERROR;
    }
    if (args.real("rotate") < 0 || args.real("rotate") > 180) {
      diagnostics.error(Code.NN0208, call.span(), "augment rotates by up to 0 to 180 degrees either way, found rotate: " + args.real("rotate"));
      return Value.ERROR;
    }
    return dataset.randomEveryEpoch();
  }

  /**
   * {@code standardize(image)}: one mean and deviation per feature of the field (its last axis),
   * computed over these records when they are loaded, so they must be the same records every epoch;
   * {@code standardize(image, like: fashion.train)}: the statistics that data computed, as Keras
   * applies one fitted {@code ImageDataGenerator} to the training and the test images.
   */
  private Value standardize(Value.Dataset dataset, Ast.Call call, Evaluator evaluator) {
    Field field = field(dataset, call, "standardize");
    if (field == null) {
      return Value.ERROR;
    }
    List<Ast.Arg> rest = afterField(call);
    if (rest.size() > 1 || rest.size() == 1 && (rest.get(0).name() == null || !rest.get(0).name().name().equals("like"))) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(),
              "standardize takes a field, and optionally `like:` the data whose statistics it uses")
          .help("standardize(image) on the training data, standardize(image, like: fashion.train) on the others"));
      return Value.ERROR;
    }
    if (field.type() != ElementType.FLOAT) {
      diagnostics.report(Diagnostic.at(Code.NN0206, call.args().get(0).span(),
              "standardize takes a float field, but `" + field.name() + "` is " + field.typeDescription())
          .help("class indices are not standardised; fields read from csv are floats unless written `int(column(c))`"));
      return Value.ERROR;
    }
    int features = field.shape().length == 0 ? 1 : field.shape()[field.shape().length - 1];
    if (rest.isEmpty() ? !fixedRecords(dataset, call, field) : !fitsLike(rest.get(0).value(), field, features, evaluator)) {
      return Value.ERROR;
    }
    return dataset.standardizing(field.name(), features);
  }

  /** Statistics are computed once, so the records they come from must be the same every epoch. */
  private boolean fixedRecords(Value.Dataset dataset, Ast.Call call, Field field) {
    if (dataset.random() || dataset.shuffled()) {
      String before = dataset.random() ? "augment or random records" : "shuffle";
      diagnostics.report(Diagnostic.at(Code.NN0407, call.span(),
              "standardize after " + before + " would need statistics over different records every epoch")
          .help("standardize first, as in | standardize(" + field.name() + ") | "
              + (dataset.random() ? "augment(" + field.name() + ", ...)" : "shuffle(1000)")));
      return false;
    }
    return true;
  }

  /** {@code like: data}: data that standardises the field, with as many features. */
  private boolean fitsLike(Ast.Expr like, Field field, int features, Evaluator evaluator) {
    Value v = evaluator.eval(like);
    if (v instanceof Value.Error) {
      return false;
    }
    if (!(v instanceof Value.Dataset data)) {
      diagnostics.error(Code.NN0206, like.span(), "`like:` takes the data whose statistics to use, found " + v.describe());
      return false;
    }
    Integer theirs = data.standardized().get(field.name());
    if (theirs == null) {
      diagnostics.report(Diagnostic.at(Code.NN0208, like.span(),
              "`" + like.span().text() + "` does not standardize `" + field.name() + "`, so it has no statistics to lend")
          .help("add `| standardize(" + field.name() + ")` to `" + like.span().text() + "`"));
      return false;
    }
    if (theirs != features) {
      diagnostics.report(Diagnostic.at(Code.NN0302, like.span(),
              "`" + like.span().text() + "` has statistics for " + theirs + " features of `" + field.name()
                  + "`, but here its last axis has " + features)
          .help("statistics are kept per element of the last axis (per channel of an image); `"
              + field.name() + "` is " + field.typeDescription() + " here"));
      return false;
    }
    return true;
  }

  /** The record field a transform names first, as in {@code one_hot(label, 10)}; null after reporting. */
  private Field field(Value.Dataset dataset, Ast.Call call, String transform) {
    if (call.args().isEmpty() || !(call.args().get(0).value() instanceof Ast.Name name) || call.args().get(0).name() != null) {
      diagnostics.report(Diagnostic.at(Code.NN0201, call.span(), transform + " takes the name of a field first")
          .help("as in " + example(transform)));
      return null;
    }
    List<String> names = dataset.fields().stream().map(Field::name).toList();
    for (Field f : dataset.fields()) {
      if (f.name().equals(name.name())) {
        return f;
      }
    }
    Diagnostic d = Diagnostic.at(Code.NN0101, name.span(), "no field `" + name.name() + "` in the data");
    String close = Suggestions.closest(name.name(), names);
    diagnostics.report(d.help((close != null ? "did you mean `" + close + "`? " : "") + "the fields are " + String.join(", ", names)));
    return null;
  }

  private static List<Ast.Arg> afterField(Ast.Call call) {
    return call.args().subList(1, call.args().size());
  }

  private Args bind(String name, Signature signature, List<Ast.Arg> args, Ast.Call call, Evaluator evaluator) {
    Map<String, Object> bound = binder.bind(name, signature, args, call.span(), evaluator::eval);
    return bound == null ? null : new Args(signature, bound);
  }

  /** Puts {@code field} in place of the field of its name, or last if there is none. */
  private static void replace(List<Field> fields, Field field) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(field.name())) {
        fields.set(i, field);
        return;
      }
    }
    fields.add(field);
  }
}
