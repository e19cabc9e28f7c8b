package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.DataContext;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.Dim;
import dev.nnc.stdlib.spec.TensorShape;
import dev.nnc.stdlib.spec.TensorType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Data blocks: sources, transforms and the record fields they produce (the sources are checked by
 * {@link DataSources}, the transforms by {@link DataTransforms}). Where a source's file can be found
 * at compile time it may tell the field shapes, so a model input that disagrees with the data is an
 * error before anything runs.
 */
final class DataChecker {
  private final Checker checker;
  private final Diagnostics diagnostics;
  private final DataSources sources;
  private final DataTransforms transforms;
  private final Map<Ast.Split, Value> splits = new HashMap<>();
  /** The number of classes each source has, read once however often a program asks. */
  private final Map<ClassCount, Value> classCounts = new IdentityHashMap<>();
  private final DataContext files;
  /** The splits whose value is being worked out, to catch one that uses itself. */
  private final Set<Ast.Split> evaluating = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Calls of endless sources that a pipe follows with {@code | take(n)}, which gives their epochs a length. */
  private final Set<Ast.Call> counted = Collections.newSetFromMap(new IdentityHashMap<>());

  DataChecker(Checker checker, DataContext files) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.files = files;
    this.sources = new DataSources(checker, files);
    this.transforms = new DataTransforms(checker);
  }

  boolean isSource(String name) {
    return DataBuiltins.source(name).isPresent();
  }

  /** A source call, such as {@code idx(images, labels)} or {@code normal([64]) | take(1000)}. */
  Value source(String name, Ast.Call call, Evaluator evaluator) {
    if (DataBuiltins.source(name).orElseThrow().endless() && !counted.contains(call)) {
      diagnostics.report(Diagnostic.at(Code.NN0407, call.span(),
              "`" + name + "` makes random records without end, so an epoch needs a length")
          .help("follow it with `| take(n)`, as in " + name + "([64]) | take(1000)"
              + " (in a model, the tensor function " + name + " is not supported yet)"));
      return Value.ERROR;
    }
    return sources.check(name, call, evaluator);
  }

  Value records(Ast.Records records, Evaluator evaluator) {
    List<Field> fields = new ArrayList<>();
    for (Ast.RecordField f : records.fields()) {
      TensorType type = checker.models().declaredType(f.type(), new HashMap<>(), false);
      if (type == null) {
        return Value.ERROR;
      }
      if (!type.shape().dims().stream().allMatch(Dim::isKnown)) {
        // A symbol such as `n` is bound where a model is applied; records are data, with no such place.
        diagnostics.report(Diagnostic.at(Code.NN0404, f.type().span(),
                "record field `" + f.name().name() + "` is " + type + ", whose size is not known")
            .help("give the field's sizes as numbers or top-level constants, as in float[2]"));
        return Value.ERROR;
      }
      // Each dimension is at most an int's (the type's check), so the product, capped, cannot overflow.
      long elements = 1;
      for (Dim d : type.shape().dims()) {
        elements = Math.min(elements * d.sizeOr(-1), (long) Integer.MAX_VALUE + 1);
      }
      if (elements > Integer.MAX_VALUE) {
        diagnostics.report(Diagnostic.at(Code.NN0404, f.type().span(),
                "record field `" + f.name().name() + "` is " + type + ", more numbers a record than one Java array holds")
            .help("a record's numbers are one array of at most 2,147,483,647"));
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
    return new Value.Dataset(fields, records.values().size() / fields.size(), false);
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

  /** {@code fashion.train}: the split's dataset (or the parts of a {@code split}), evaluated once. */
  Value split(Ast.Data block, Ast.Ident name, Evaluator evaluator) {
    for (Ast.Split split : block.splits()) {
      if (split.name().name().equals(name.name())) {
        if (evaluating.contains(split)) {
          diagnostics.report(Diagnostic.at(Code.NN0206, name.span(),
                  "`" + block.name().name() + "." + name.name() + "` is defined through itself")
              .help("a split can use other splits (`like: " + block.name().name() + ".train`), never itself"));
          return Value.ERROR;
        }
        if (!splits.containsKey(split)) {
          evaluating.add(split);
          Value v = new Evaluator(checker, Evaluator.scope(), null).eval(split.value());
          if (!(v instanceof Value.Dataset || v instanceof Value.DatasetParts || v instanceof Value.Error)) {
            diagnostics.error(Code.NN0206, split.value().span(), "a data split must be a dataset, found " + v.describe());
            v = Value.ERROR;
          }
          evaluating.remove(split);
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

  /** {@code .first} or {@code .rest} of the parts {@code split(fraction)} gives. */
  Value part(Value.DatasetParts parts, Ast.Ident member) {
    return switch (member.name()) {
      case "first" -> parts.first();
      case "rest" -> parts.rest();
      default -> {
        diagnostics.report(Diagnostic.at(Code.NN0105, member.span(), "a split has no part `" + member.name() + "`")
            .help("its parts are `first` and `rest`"));
        yield Value.ERROR;
      }
    };
  }

  /**
   * {@code fashion.train.classes} (or {@code .vocab}, the same number, but for {@code labelled_text}
   * whose labels and tokens differ; {@code .source_vocab} and {@code .target_vocab} of {@code pairs}):
   * a size of the data's source, a compile-time value a model's size can use. Where it comes from a
   * file, the file is read now, once, so it must be at hand.
   */
  Value member(Value.Dataset dataset, Ast.Member member) {
    String name = member.member().name();
    String target = member.target().span().text();
    if (!Value.Dataset.COUNT_MEMBERS.contains(name)) {
      diagnostics.report(Diagnostic.at(Code.NN0105, member.member().span(), "a dataset has no member `" + name + "`")
          .help("its number of classes is `" + target + ".classes` (or `.vocab`; `.source_vocab` and"
              + " `.target_vocab` for pairs)"));
      return Value.ERROR;
    }
    ClassCount source = dataset.counts().get(name);
    if (source == null && !dataset.counts().isEmpty()) {
      diagnostics.report(Diagnostic.at(Code.NN0105, member.member().span(),
              "the data of `" + target + "` has no `." + name + "`")
          .help("it has " + dataset.counts().keySet().stream().sorted(Comparator.comparingInt(Value.Dataset.COUNT_MEMBERS::indexOf))
              .map(m -> "`." + m + "`").collect(Collectors.joining(", "))));
      return Value.ERROR;
    }
    if (source == null) {
      diagnostics.report(Diagnostic.at(Code.NN0207, member.span(),
              "the number of classes of `" + target + "` is not known before its data is loaded")
          .help("cifar, cifar100, images, text and the word sources know theirs; for other data write the number"));
      return Value.ERROR;
    }
    return classCounts.computeIfAbsent(source, s -> {
      try {
        return new Value.Const((long) s.count(files));
      } catch (DataException e) {
        diagnostics.report(Diagnostic.at(Code.NN0411, member.span(),
                "`" + member.span().text() + "` counts " + s.describe() + ", which cannot be done now: " + e.getMessage())
            .help("the data must be at hand when checking: pass `--data-dir`, set NN_DATA, or write the number"));
        return Value.ERROR;
      }
    });
  }

  /** {@code source | transform | ...}. */
  Value pipe(Ast.DataPipe pipe, Evaluator evaluator) {
    if (pipe.source() instanceof Ast.Call source && isTake(pipe.transforms().get(0))) {
      counted.add(source);
    }
    Value current = evaluator.eval(pipe.source());
    for (Ast.Expr transform : pipe.transforms()) {
      if (current instanceof Value.Error) {
        return current;
      }
      if (!(current instanceof Value.Dataset dataset)) {
        diagnostics.error(Code.NN0206, pipe.source().span(), "`|` applies data transforms to a dataset, found " + current.describe());
        return Value.ERROR;
      }
      current = transforms.apply(dataset, transform, evaluator);
      checker.record(transform, current);
    }
    return current;
  }

  private static boolean isTake(Ast.Expr transform) {
    return transform instanceof Ast.Call c && c.callee() instanceof Ast.Name n && n.name().equals("take");
  }

  static TensorType typeOf(Field field) {
    TensorShape shape = TensorShape.of(Arrays.stream(field.shape()).asLongStream().toArray());
    return new TensorType(field.type(), shape);
  }
}
