package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.ElementType;
import dev.nnc.runtime.data.Field;
import dev.nnc.stdlib.data.DataBuiltin;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.Args;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Writes a data source call as the runtime call that loads it: {@code idx(a, b)} → {@code Idx.load(...)}. */
final class SourceWriter {
  private static final String DATA = "dev.nnc.runtime.data";
  private static final ClassName IDX = ClassName.get(DATA, "Idx");
  private static final ClassName CSV = ClassName.get(DATA, "Csv");
  private static final ClassName CSV_FIELD = ClassName.get(DATA, "CsvField");
  private static final ClassName CSV_COLUMNS = ClassName.get(DATA, "CsvColumns");
  private static final ClassName CIFAR = ClassName.get(DATA, "Cifar");
  private static final ClassName IMAGES = ClassName.get(DATA, "Images");
  private static final ClassName TEXT = ClassName.get(DATA, "Text");
  private static final ClassName NOISE = ClassName.get(DATA, "Noise");
  private static final ClassName WORDS = ClassName.get(DATA, "Words");
  private static final ClassName SKIPGRAMS = ClassName.get(DATA, "SkipGrams");
  private static final ClassName LABELLED_TEXT = ClassName.get(DATA, "LabelledText");
  private static final ClassName PAIRS = ClassName.get(DATA, "Pairs");
  private static final ClassName TOKENIZER = ClassName.get(DATA + ".text", "Tokenizer");
  private static final ClassName VOCABULARY = ClassName.get(DATA + ".text", "Vocabulary");

  private final Program program;
  /** How each source of the registry loads; DataBuiltinContractTest checks every source has one. */
  private final Map<DataBuiltin, Function<Ast.Call, CodeBlock>> loads;

  SourceWriter(Program program) {
    this.program = program;
    this.loads = Map.ofEntries(
        Map.entry(DataBuiltins.IDX, this::idx),
        Map.entry(DataBuiltins.CSV, this::csv),
        Map.entry(DataBuiltins.CIFAR, call -> CodeBlock.of("$T.load($L)", CIFAR, cifarFiles(call))),
        Map.entry(DataBuiltins.CIFAR100, this::cifar100),
        Map.entry(DataBuiltins.IMAGES, this::images),
        Map.entry(DataBuiltins.TEXT, this::text),
        Map.entry(DataBuiltins.WORDS, this::words),
        Map.entry(DataBuiltins.SKIPGRAMS, this::skipgrams),
        Map.entry(DataBuiltins.LABELLED_TEXT, this::labelledText),
        Map.entry(DataBuiltins.PAIRS, this::pairs),
        Map.entry(DataBuiltins.NORMAL, this::normal),
        Map.entry(DataBuiltins.UNIFORM, this::uniform));
  }

  CodeBlock source(Ast.Call call) {
    String name = ((Ast.Name) call.callee()).name();
    return loads.get(DataBuiltins.source(name).orElseThrow()).apply(call);
  }

  private Args args(DataBuiltin source, List<Ast.Arg> args) {
    return DataArgs.of(program, source.signature(), args);
  }

  private CodeBlock idx(Ast.Call call) {
    Args args = args(DataBuiltins.IDX, call.args());
    return CodeBlock.of("$T.load($L, $L)", IDX, file(args.string("images")), file(args.string("labels")));
  }

  private CodeBlock cifar100(Ast.Call call) {
    Args args = args(DataBuiltins.CIFAR100, call.args().stream().filter(a -> a.name() != null).toList());
    return CodeBlock.of("$T.load100($T.$L, $L)", CIFAR, CIFAR.nestedClass("Labels"),
        args.string("labels").toUpperCase(Locale.ROOT), cifarFiles(call));
  }

  private CodeBlock images(Ast.Call call) {
    Args args = args(DataBuiltins.IMAGES, call.args());
    long[] size = args.pair("size");
    return CodeBlock.of("$T.load($L, $L, $L, $L)", IMAGES, file(args.string("dir")), size[0], size[1], args.integer("channels"));
  }

  private CodeBlock text(Ast.Call call) {
    Args args = args(DataBuiltins.TEXT, call.args());
    return CodeBlock.of("$T.load($L, $L)", TEXT, file(args.string("path")), args.integer("seq"));
  }

  private CodeBlock words(Ast.Call call) {
    Args args = args(DataBuiltins.WORDS, call.args());
    return CodeBlock.of("$T.load($L, $L, $L, $L)", WORDS, file(args.string("path")), args.integer("seq"),
        vocabulary(args), args.bool("lower"));
  }

  private CodeBlock skipgrams(Ast.Call call) {
    Args args = args(DataBuiltins.SKIPGRAMS, call.args());
    return CodeBlock.of("$T.load($L, new $T($L, $L, $L, $L, $L))", SKIPGRAMS, file(args.string("path")),
        SKIPGRAMS.nestedClass("Options"), args.integer("window"), args.integer("negatives"), vocabulary(args),
        ExprWriter.literal(args.real("subsample")), args.bool("lower"));
  }

  private CodeBlock labelledText(Ast.Call call) {
    Args args = args(DataBuiltins.LABELLED_TEXT, call.args());
    return CodeBlock.of("$T.load($L, $L, $L, $S, $L)", LABELLED_TEXT, file(args.string("path")), args.integer("seq"),
        tokenizer(args), args.string("separator"), vocabulary(args));
  }

  private CodeBlock pairs(Ast.Call call) {
    Args args = args(DataBuiltins.PAIRS, call.args());
    return CodeBlock.of("$T.load($L, new $T($L, $L, $L, $S, $L, $L))", PAIRS, file(args.string("path")),
        PAIRS.nestedClass("Options"), tokenizer(args), args.integer("source_seq"), args.integer("target_seq"),
        args.string("separator"), vocabulary(args), args.bool("truncate"));
  }

  /** {@code new Tokenizer(Tokenizer.Unit.WORDS, true)} from {@code tokens:} and {@code lower:}. */
  private static CodeBlock tokenizer(Args args) {
    return CodeBlock.of("new $T($T.$L, $L)", TOKENIZER, TOKENIZER.nestedClass("Unit"),
        args.string("tokens").toUpperCase(Locale.ROOT), args.bool("lower"));
  }

  /** {@code new Vocabulary.Options(vocab, min_count)}. */
  private static CodeBlock vocabulary(Args args) {
    return CodeBlock.of("new $T($L, $L)", VOCABULARY.nestedClass("Options"), args.integer("vocab"),
        args.integer("min_count"));
  }

  private CodeBlock normal(Ast.Call call) {
    Args args = args(DataBuiltins.NORMAL, call.args());
    return CodeBlock.of("$T.normal($L, $L, $L)", NOISE, ExprWriter.literal(args.real("mean")),
        ExprWriter.literal(args.real("std")), ints(args.integers("shape")));
  }

  private CodeBlock uniform(Ast.Call call) {
    Args args = args(DataBuiltins.UNIFORM, call.args());
    return CodeBlock.of("$T.uniform($L, $L, $L)", NOISE, ExprWriter.literal(args.real("lo")),
        ExprWriter.literal(args.real("hi")), ints(args.integers("shape")));
  }

  /** The file names of {@code cifar(...)} or {@code cifar100(...)}, its positional arguments. */
  private CodeBlock cifarFiles(Ast.Call call) {
    return CodeBlock.join(call.args().stream().filter(a -> a.name() == null)
        .map(a -> file((String) ((Value.Const) program.valueOf(a.value())).value())).toList(), ", ");
  }

  /** {@code Csv.load(file, header, CsvField.floats("x", CsvColumns.range(0, 4)), ...)}. */
  private CodeBlock csv(Ast.Call call) {
    Value.Dataset dataset = (Value.Dataset) program.valueOf(call);
    List<Ast.Arg> settings = new ArrayList<>();
    List<CodeBlock> fields = new ArrayList<>();
    for (Ast.Arg arg : call.args()) {
      if (arg.name() == null || DataBuiltins.CSV.signature().param(arg.name().name()).isPresent()) {
        settings.add(arg);
        continue;
      }
      Field field = dataset.fields().stream().filter(f -> f.name().equals(arg.name().name())).findFirst().orElseThrow();
      List<?> columns = (List<?>) ((Value.Const) program.valueOf(arg.value())).value();
      fields.add(CodeBlock.of("$T.$L($S, $L)", CSV_FIELD, field.type() == ElementType.INT ? "ints" : "floats",
          field.name(), columns(columns, field.shape().length == 0)));
    }
    Args args = args(DataBuiltins.CSV, settings);
    return CodeBlock.of("$T.load($L, $L, $L)", CSV, file(args.string("path")), args.bool("header"),
        CodeBlock.join(fields, ", "));
  }

  /** {@code CsvColumns.column(4)}, {@code CsvColumns.range(0, 4)} for consecutive indices, {@code CsvColumns.columns(...)} otherwise. */
  private static CodeBlock columns(List<?> columns, boolean scalar) {
    List<CodeBlock> each = columns.stream().map(ExprWriter::literal).toList();
    if (scalar) {
      return CodeBlock.of("$T.column($L)", CSV_COLUMNS, each.get(0));
    }
    if (columns.size() > 1 && consecutive(columns)) {
      return CodeBlock.of("$T.range($L, $L)", CSV_COLUMNS, columns.get(0), (Long) columns.get(columns.size() - 1) + 1);
    }
    return CodeBlock.of("$T.columns($L)", CSV_COLUMNS, CodeBlock.join(each, ", "));
  }

  private static boolean consecutive(List<?> columns) {
    for (int i = 0; i < columns.size(); i++) {
      if (!(columns.get(i) instanceof Long index) || index != (Long) columns.get(0) + i) {
        return false;
      }
    }
    return true;
  }

  private static CodeBlock file(String path) {
    return CodeBlock.of("data.resolve($S)", path);
  }

  private static CodeBlock ints(long[] values) {
    List<CodeBlock> each = new ArrayList<>();
    for (long v : values) {
      each.add(CodeBlock.of("$L", v));
    }
    return CodeBlock.join(each, ", ");
  }
}
