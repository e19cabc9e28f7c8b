package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Csv;
import dev.nnc.runtime.data.DataContext;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.Args;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code csv(path, header: true, x: columns(0..4), y: int(column(4)))}. Every named argument but
 * {@code header} is a field: {@code column(c)} reads one column into a scalar, {@code columns(cs)}
 * several into a vector, by 0-based index or, with a header, by name; {@code int(...)} makes the
 * field whole numbers, floats otherwise. The columns a field reads are recorded as the value of its
 * expression, for the emitter. When the file is there at compile time, its first line shows whether
 * those columns exist.
 */
final class CsvFields {
  private static final String FORM = "x: columns(0..4), y: int(column(4))";

  private final Checker checker;
  private final Diagnostics diagnostics;
  private final DataContext files;
  private final ArgBinder binder;

  CsvFields(Checker checker, DataContext files) {
    this.checker = checker;
    this.diagnostics = checker.diagnostics();
    this.files = files;
    this.binder = new ArgBinder(diagnostics);
  }

  /** What one field reads: its element type, whether it is a scalar, and its columns (Longs or Strings). */
  private record Reads(ElementType type, boolean scalar, List<?> columns) {}

  Value check(Ast.Call call, Evaluator evaluator) {
    List<Ast.Arg> settings = new ArrayList<>();
    List<Ast.Arg> fieldArgs = new ArrayList<>();
    for (Ast.Arg arg : call.args()) {
      boolean setting = arg.name() == null || DataBuiltins.CSV.signature().param(arg.name().name()).isPresent();
      (setting ? settings : fieldArgs).add(arg);
    }
    Map<String, Object> bound = binder.bind("csv", DataBuiltins.CSV.signature(), settings, call.span(), evaluator::eval);
    if (bound == null) {
      return Value.ERROR;
    }
    if (fieldArgs.isEmpty()) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(), "csv has no fields: name each one and the columns it reads")
          .help("csv(\"iris.csv\", header: true, " + FORM + ")"));
      return Value.ERROR;
    }
    Args args = new Args(DataBuiltins.CSV.signature(), bound);
    String path = args.string("path");
    boolean header = args.bool("header");
    List<String> firstLine = firstLine(path);
    List<Field> fields = new ArrayList<>();
    Map<String, Ast.Arg> seen = new HashMap<>();
    boolean ok = true;
    for (Ast.Arg arg : fieldArgs) {
      Ast.Arg previous = seen.putIfAbsent(arg.name().name(), arg);
      if (previous != null) {
        diagnostics.report(Diagnostic.at(Code.NN0205, arg.name().span(), "field `" + arg.name().name() + "` is given twice")
            .label(previous.name().span(), "first given here"));
        ok = false;
        continue;
      }
      Reads reads = reads(arg.value(), evaluator);
      if (reads == null || !fitsFile(reads, arg.value(), path, header, firstLine)) {
        ok = false;
        continue;
      }
      checker.record(arg.value(), new Value.Const(reads.columns()));
      int[] shape = reads.scalar() ? new int[0] : new int[] {reads.columns().size()};
      fields.add(new Field(arg.name().name(), reads.type(), shape));
    }
    return ok ? new Value.Dataset(fields, -1, false) : Value.ERROR;
  }

  /** The cells of the file's first line, or null when the file cannot be read at compile time. */
  private List<String> firstLine(String path) {
    try {
      Path file = files.resolve(path);
      return Csv.firstRecord(file);
    } catch (DataException e) {
      return null;
    }
  }

  /** {@code column(c)}, {@code columns(cs)}, or either inside {@code int(...)} / {@code float(...)}. */
  private Reads reads(Ast.Expr expr, Evaluator evaluator) {
    ElementType type = ElementType.FLOAT;
    Ast.Expr inner = expr;
    String wrapper = calleeOfOneArgument(expr);
    if ("int".equals(wrapper) || "float".equals(wrapper)) {
      type = wrapper.equals("int") ? ElementType.INT : ElementType.FLOAT;
      inner = ((Ast.Call) expr).args().get(0).value();
    }
    String reader = calleeOfOneArgument(inner);
    if (!"column".equals(reader) && !"columns".equals(reader)) {
      diagnostics.report(Diagnostic.at(Code.NN0201, expr.span(),
              "a csv field reads `column(c)` or `columns(cs)`, as a float or inside `int(...)`; found `" + expr.span().text() + "`")
          .help("as in " + FORM));
      return null;
    }
    Ast.Expr columnsExpr = ((Ast.Call) inner).args().get(0).value();
    Value v = evaluator.eval(columnsExpr);
    if (v instanceof Value.Error) {
      return null;
    }
    Object value = v instanceof Value.Const c ? c.value() : null;
    boolean scalar = reader.equals("column");
    List<?> columns = scalar ? (value == null ? null : List.of(value)) : value instanceof List<?> list ? list : null;
    if (columns == null || columns.isEmpty() || !sameKind(columns)) {
      diagnostics.report(Diagnostic.at(Code.NN0201, columnsExpr.span(),
              reader + " takes " + (scalar ? "a column index or name" : "a list of column indices or names")
                  + ", found " + v.describe())
          .help(scalar ? "column(4) or column(\"species\")" : "columns(0..4), columns([0, 2]) or columns([\"a\", \"b\"])"));
      return null;
    }
    for (Object column : columns) {
      if (column instanceof Long index && index < 0) {
        diagnostics.error(Code.NN0208, columnsExpr.span(), "column indices start at 0, found " + index);
        return null;
      }
    }
    return new Reads(type, scalar, columns);
  }

  /** The called name of {@code f(x)} with one positional argument, or null for anything else. */
  private static String calleeOfOneArgument(Ast.Expr expr) {
    if (expr instanceof Ast.Call c && c.callee() instanceof Ast.Name n
        && c.args().size() == 1 && c.args().get(0).name() == null) {
      return n.name();
    }
    return null;
  }

  /** All indices (Longs) or all names (Strings). */
  private static boolean sameKind(List<?> columns) {
    return columns.stream().allMatch(c -> c instanceof Long) || columns.stream().allMatch(c -> c instanceof String);
  }

  /** Names need a header; with the first line at hand, every column must be in it. */
  private boolean fitsFile(Reads reads, Ast.Expr at, String path, boolean header, List<String> firstLine) {
    boolean byName = reads.columns().get(0) instanceof String;
    if (byName && !header) {
      diagnostics.report(Diagnostic.at(Code.NN0208, at.span(), "columns are named only in a header, and this csv has none")
          .help("add `header: true` if the file's first line names its columns"));
      return false;
    }
    if (firstLine == null) {
      return true;
    }
    for (Object column : reads.columns()) {
      if (column instanceof Long index && index >= firstLine.size()) {
        diagnostics.report(Diagnostic.at(Code.NN0406, at.span(),
            "column " + index + " is past the end of " + path + ", whose first line has " + firstLine.size()
                + " columns (0.." + (firstLine.size() - 1) + ")"));
        return false;
      }
      if (column instanceof String name && !firstLine.contains(name)) {
        Diagnostic d = Diagnostic.at(Code.NN0406, at.span(), path + " has no column \"" + name + "\"");
        String close = Suggestions.closest(name, firstLine);
        diagnostics.report(d.help((close != null ? "did you mean \"" + close + "\"? " : "") + "its columns are " + String.join(", ", firstLine)));
        return false;
      }
    }
    return true;
  }
}
