package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.DataContext;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Idx;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Data blocks: sources, transforms and the record fields they produce. Where a source's file can be
 * found at compile time its header gives the field shapes, so a model input that disagrees with the
 * data is an error before anything runs.
 */
final class DataChecker {
  private static final List<String> TRANSFORMS = List.of("map", "shuffle", "take", "skip");

  private final Checker checker;
  private final Diagnostics diagnostics;
  private final DataContext files;
  private final Map<Ast.Split, Value> splits = new HashMap<>();

  DataChecker(Checker checker, DataContext files) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.files = files;
  }

  boolean isSource(String name) {
    return name.equals("idx");
  }

  /** {@code idx(images, labels)}. */
  Value source(String name, Ast.Call call, Evaluator evaluator) {
    if (call.args().size() != 2 || call.args().stream().anyMatch(a -> a.name() != null)) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(), "idx takes two file names: images and labels")
          .help("idx(\"train-images-idx3-ubyte.gz\", \"train-labels-idx1-ubyte.gz\")"));
      return Value.ERROR;
    }
    List<String> paths = new ArrayList<>();
    for (Ast.Arg arg : call.args()) {
      Value v = evaluator.eval(arg.value());
      if (!(v instanceof Value.Const c) || !(c.value() instanceof String path)) {
        if (!(v instanceof Value.Error)) {
          diagnostics.error(Code.NN0201, arg.span(), "idx takes file names as strings, found " + v.describe());
        }
        return Value.ERROR;
      }
      paths.add(path);
    }
    int[] imageShape = probeImageShape(paths.get(0));
    return new Value.Dataset(
        List.of(Field.floats("image", imageShape), Field.ints("label")), -1);
  }

  /** {@code [rows, cols, 1]} from the IDX header when the file is there; 28×28 (MNIST) otherwise. */
  private int[] probeImageShape(String path) {
    try {
      Path file = files.resolve(path);
      int[] dims = Idx.imageDimensions(file);
      return new int[] {dims[0], dims[1], 1};
    } catch (DataException e) {
      return new int[] {28, 28, 1};
    }
  }

  Value records(Ast.Records records, Evaluator evaluator) {
    List<Field> fields = new ArrayList<>();
    for (Ast.RecordField f : records.fields()) {
      TensorType type = checker.models().declaredType(f.type(), new HashMap<>(), false);
      if (type == null) {
        return Value.ERROR;
      }
      int[] shape = type.shape().dims().stream().mapToInt(d -> (int) d.sizeOr(-1)).toArray();
      fields.add(type.element() == ElementType.FLOAT ? Field.floats(f.name().name(), shape) : Field.ints(f.name().name(), shape));
    }
    if (records.values().size() % fields.size() != 0) {
      diagnostics.report(Diagnostic.at(Code.NN0404, records.span(),
              "records hold " + records.values().size() + " values, not a multiple of the "
                  + fields.size() + " fields")
          .help("write one value per field on each line, in the order the fields are declared"));
      return Value.ERROR;
    }
    for (int i = 0; i < records.values().size(); i++) {
      Field field = fields.get(i % fields.size());
      Ast.Expr valueExpr = records.values().get(i);
      Value v = evaluator.eval(valueExpr);
      int count = v instanceof Value.Const c ? countNumbers(c.value()) : -1;
      if (count != field.elements()) {
        diagnostics.report(Diagnostic.at(Code.NN0404, valueExpr.span(),
                "field `" + field.name() + "` holds " + field.elements() + " number"
                    + (field.elements() == 1 ? "" : "s") + ", found " + (count < 0 ? "something else" : count))
            .help("declared as " + field));
        return Value.ERROR;
      }
    }
    return new Value.Dataset(fields, records.values().size() / fields.size());
  }

  private static int countNumbers(Object value) {
    if (value instanceof Number) {
      return 1;
    }
    if (value instanceof List<?> list) {
      int n = 0;
      for (Object item : list) {
        int c = countNumbers(item);
        if (c < 0) {
          return -1;
        }
        n += c;
      }
      return n;
    }
    return -1;
  }

  /** {@code fashion.train}: the split's dataset, evaluated once. */
  Value split(Ast.Data block, Ast.Ident name, Evaluator evaluator) {
    for (Ast.Split split : block.splits()) {
      if (split.name().name().equals(name.name())) {
        if (!splits.containsKey(split)) {
          splits.put(split, Value.ERROR);
          Value v = new Evaluator(checker, Evaluator.scope(), null).eval(split.value());
          if (!(v instanceof Value.Dataset) && !(v instanceof Value.Error)) {
            diagnostics.error(Code.NN0206, split.value().span(), "a data split must be a dataset, found " + v.describe());
            v = Value.ERROR;
          }
          splits.put(split, v);
        }
        return splits.get(split);
      }
    }
    diagnostics.report(Diagnostic.at(Code.NN0105, name.span(),
            "data " + block.name().name() + " has no split `" + name.name() + "`")
        .help("its splits are " + String.join(", ", block.splits().stream().map(s -> s.name().name()).toList())));
    return Value.ERROR;
  }

  /** {@code source | transform | ...}. */
  Value pipe(Ast.DataPipe pipe, Evaluator evaluator) {
    Value current = evaluator.eval(pipe.source());
    for (Ast.Expr transform : pipe.transforms()) {
      if (current instanceof Value.Error) {
        return current;
      }
      if (!(current instanceof Value.Dataset dataset)) {
        diagnostics.error(Code.NN0206, pipe.source().span(), "`|` applies data transforms to a dataset, found " + current.describe());
        return Value.ERROR;
      }
      current = transform(dataset, transform, evaluator);
      checker.record(transform, current);
    }
    return current;
  }

  private Value transform(Value.Dataset dataset, Ast.Expr transform, Evaluator evaluator) {
    Ast.Call call = transform instanceof Ast.Call c && c.callee() instanceof Ast.Name ? c : null;
    String name = call != null ? ((Ast.Name) call.callee()).name() : transform instanceof Ast.Name n ? n.name() : null;
    if (name == null || !TRANSFORMS.contains(name)) {
      if ("repeat".equals(name) || "split".equals(name) || "one_hot".equals(name) || "augment".equals(name)) {
        return evaluator.notYet(transform.span(), "the data transform `" + name + "` is not supported yet; transforms");
      }
      Diagnostic d = Diagnostic.at(Code.NN0101, transform.span(), "unknown data transform `" + transform.span().text() + "`");
      String close = name == null ? null : Suggestions.closest(name, TRANSFORMS);
      diagnostics.report(d.help(close != null ? "did you mean `" + close + "`?" : "transforms are " + String.join(", ", TRANSFORMS)));
      return Value.ERROR;
    }
    if (call == null) {
      diagnostics.error(Code.NN0203, transform.span(), "`" + name + "` needs arguments");
      return Value.ERROR;
    }
    return name.equals("map") ? map(dataset, call) : count(dataset, name, call, evaluator);
  }

  /** {@code map(image: image / 255)}: each named argument computes a field from the record's fields. */
  private Value map(Value.Dataset dataset, Ast.Call call) {
    Map<String, Value> fields = Evaluator.scope();
    for (Field f : dataset.fields()) {
      fields.put(f.name(), new Value.Tensor(typeOf(f), call.span()));
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
      Field computed = Field.floats(arg.name().name(), shape);
      result.removeIf(f -> f.name().equals(computed.name()));
      result.add(computed);
    }
    return new Value.Dataset(result, dataset.size());
  }

  private Value count(Value.Dataset dataset, String name, Ast.Call call, Evaluator evaluator) {
    if (call.args().size() != 1 || call.args().get(0).name() != null) {
      diagnostics.error(Code.NN0203, call.span(), name + " takes one count, as in " + name + "(1000)");
      return Value.ERROR;
    }
    Ast.Arg arg = call.args().get(0);
    Value v = evaluator.eval(arg.value());
    if (!(v instanceof Value.Const c) || !(c.value() instanceof Long n)) {
      if (!(v instanceof Value.Error)) {
        diagnostics.error(Code.NN0201, arg.span(), name + " takes a whole number, found " + v.describe());
      }
      return Value.ERROR;
    }
    if (n <= 0) {
      diagnostics.error(Code.NN0208, arg.span(), name + " takes a positive whole number, found " + n);
      return Value.ERROR;
    }
    return dataset;
  }

  static TensorType typeOf(Field field) {
    TensorShape shape = TensorShape.of(java.util.Arrays.stream(field.shape()).asLongStream().toArray());
    return new TensorType(field.type(), shape);
  }
}
