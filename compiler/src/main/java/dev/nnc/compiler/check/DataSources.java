package dev.nnc.compiler.check;

import dev.nnc.compiler.diag.Code;
import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.Diagnostics;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Cifar;
import dev.nnc.runtime.data.DataContext;
import dev.nnc.runtime.data.DataException;
import dev.nnc.runtime.data.Field;
import dev.nnc.runtime.data.Idx;
import dev.nnc.runtime.data.Images;
import dev.nnc.runtime.data.Noise;
import dev.nnc.runtime.data.LabelledText;
import dev.nnc.runtime.data.Pairs;
import dev.nnc.runtime.data.SkipGrams;
import dev.nnc.runtime.data.Text;
import dev.nnc.runtime.data.Words;
import dev.nnc.runtime.data.text.TextLines;
import dev.nnc.runtime.data.text.Tokenizer;
import dev.nnc.runtime.data.text.Vocabulary;
import dev.nnc.runtime.data.text.VocabularyCache;
import dev.nnc.stdlib.data.DataBuiltin;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.Args;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data sources (LANGUAGE.md §6, defined in {@link DataBuiltins}): each call's arguments and the
 * fields its records have. A file
 * found at compile time may say more (an IDX header gives the image size); one that is missing is
 * no error here, since the user may point at it with {@code --data-dir} when training.
 */
final class DataSources {

  private final Diagnostics diagnostics;
  private final DataContext files;
  private final ArgBinder binder;
  private final CsvFields csv;
  /** What each source of the registry makes; DataBuiltinContractTest checks every source has one. */
  private final Map<DataBuiltin, Rule> rules;

  /** The records one source makes from its call. */
  private interface Rule {
    Value check(DataBuiltin source, Ast.Call call, Evaluator evaluator);
  }

  DataSources(Checker checker, DataContext files) {
    this.diagnostics = checker.diagnostics();
    this.files = files;
    this.binder = new ArgBinder(diagnostics);
    this.csv = new CsvFields(checker, files);
    this.rules = Map.ofEntries(
        Map.entry(DataBuiltins.IDX, (source, call, evaluator) -> idx(call, evaluator)),
        Map.entry(DataBuiltins.CSV, (source, call, evaluator) -> csv.check(call, evaluator)),
        Map.entry(DataBuiltins.CIFAR, this::cifar),
        Map.entry(DataBuiltins.CIFAR100, this::cifar),
        Map.entry(DataBuiltins.IMAGES, (source, call, evaluator) -> images(call, evaluator)),
        Map.entry(DataBuiltins.TEXT, (source, call, evaluator) -> text(call, evaluator)),
        Map.entry(DataBuiltins.WORDS, (source, call, evaluator) -> words(call, evaluator)),
        Map.entry(DataBuiltins.SKIPGRAMS, (source, call, evaluator) -> skipgrams(call, evaluator)),
        Map.entry(DataBuiltins.LABELLED_TEXT, (source, call, evaluator) -> labelledText(call, evaluator)),
        Map.entry(DataBuiltins.PAIRS, (source, call, evaluator) -> pairs(call, evaluator)),
        Map.entry(DataBuiltins.NORMAL, this::random),
        Map.entry(DataBuiltins.UNIFORM, this::random));
  }

  /** The dataset {@code call} makes, or {@link Value#ERROR} after reporting why it cannot. */
  Value check(String name, Ast.Call call, Evaluator evaluator) {
    DataBuiltin source = DataBuiltins.source(name).orElseThrow();
    return rules.get(source).check(source, call, evaluator);
  }

  /** {@code idx(images, labels)}: {@code image: float[rows, cols, 1]} and {@code label: int}. */
  private Value idx(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.IDX, call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    int[] size = probeImageSize(args.string("images"));
    return dataset(Field.floats("image", size[0], size[1], 1), Field.ints("label"));
  }

  /** {@code [rows, cols]} from the IDX header when the file is there; 28×28 (MNIST) otherwise. */
  private int[] probeImageSize(String path) {
    try {
      return Idx.imageDimensions(files.resolve(path));
    } catch (DataException e) {
      return new int[] {28, 28};
    }
  }

  /**
   * {@code cifar(files...)} and {@code cifar100(files..., labels: fine)}: {@code image: float[32, 32, 3]}
   * and {@code label: int}.
   */
  private Value cifar(DataBuiltin source, Ast.Call call, Evaluator evaluator) {
    String name = source.name();
    List<Ast.Arg> files = call.args().stream().filter(a -> a.name() == null).toList();
    List<Ast.Arg> settings = call.args().stream().filter(a -> a.name() != null).toList();
    boolean hundred = source == DataBuiltins.CIFAR100;
    if (files.isEmpty() || !hundred && !settings.isEmpty()) {
      diagnostics.report(Diagnostic.at(Code.NN0203, call.span(),
              hundred ? "cifar100 takes the names of its files, and optionally `labels: fine` or `labels: coarse`"
                  : "cifar takes the names of its files, and nothing else")
          .help(hundred ? "cifar100(\"cifar-100/train.bin\", labels: fine)"
              : "cifar(\"cifar-10/data_batch_1.bin\", \"cifar-10/data_batch_2.bin\")"));
      return Value.ERROR;
    }
    for (Ast.Arg arg : files) {
      Value v = evaluator.eval(arg.value());
      if (!(v instanceof Value.Const c && c.value() instanceof String)) {
        if (!(v instanceof Value.Error)) {
          diagnostics.error(Code.NN0201, arg.span(), name + " takes file names as strings, found " + v.describe());
        }
        return Value.ERROR;
      }
    }
    Value.Dataset images = dataset(Field.floats("image", Cifar.SIDE, Cifar.SIDE, Cifar.CHANNELS), Field.ints("label"));
    if (!hundred) {
      return images.withClasses(ClassCount.fixed(10, "the 10 classes of CIFAR-10"));
    }
    Map<String, Object> bound = binder.bind(name, DataBuiltins.CIFAR100.signature(), settings, call.span(), evaluator::eval);
    if (bound == null) {
      return Value.ERROR;
    }
    String labels = new Args(DataBuiltins.CIFAR100.signature(), bound).string("labels");
    int classes = Cifar.Labels.valueOf(labels.toUpperCase(Locale.ROOT)).classes();
    return images.withClasses(ClassCount.fixed(classes, "the " + classes + " " + labels + " classes of CIFAR-100"));
  }

  /** {@code images(dir, size: [h, w], channels: 3)}: {@code image: float[h, w, channels]}, {@code label: int}. */
  private Value images(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.IMAGES, call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    long channels = args.integer("channels");
    if (channels != 1 && channels != 3) {
      diagnostics.report(Diagnostic.at(Code.NN0208, argument(call, "channels").span(),
              "images reads grey (channels: 1) or colour (channels: 3) images, not " + channels + " channels"));
      return Value.ERROR;
    }
    long[] size = args.pair("size");
    String dir = args.string("dir");
    return dataset(Field.floats("image", (int) size[0], (int) size[1], (int) channels), Field.ints("label"))
        .withClasses(ClassCount.fromFile(dir, "the class folders of " + dir, folder -> Images.classNames(folder).size()));
  }

  /** {@code text(path, seq: 100)}: {@code chars: int[seq]} and {@code next: int[seq]}. */
  private Value text(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.TEXT, call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    int seq = (int) args.integer("seq");
    String path = args.string("path");
    return dataset(Field.ints("chars", seq), Field.ints("next", seq))
        .withClasses(ClassCount.fromFile(path, "the characters of " + path, file -> Text.vocabulary(file).size()));
  }

  /** {@code words(path, seq, vocab, min_count, lower)}: {@code tokens: int[seq]}, {@code next: int[seq]}. */
  private Value words(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.WORDS, call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    int seq = (int) args.integer("seq");
    String path = args.string("path");
    return dataset(Field.ints(Words.TOKENS, seq), Field.ints(Words.NEXT, seq))
        .withCount("vocab", vocabulary(path, "the words of " + path, WordSettings.tokenizer(args), TextLines.Part.WHOLE,
            "\t", WordSettings.vocabulary(args)));
  }

  /** {@code skipgrams(path, window, negatives, ...)}: {@code word: int[1]}, {@code context: int[1]}, {@code is_context: float}. */
  private Value skipgrams(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.SKIPGRAMS, call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    String path = args.string("path");
    return new Value.Dataset(List.of(Field.ints(SkipGrams.WORD, 1), Field.ints(SkipGrams.CONTEXT, 1),
        Field.floats(SkipGrams.IS_CONTEXT)), -1, true)
        .withCount("vocab", vocabulary(path, "the words of " + path, WordSettings.tokenizer(args), TextLines.Part.WHOLE,
            "\t", WordSettings.vocabulary(args)));
  }

  /** {@code labelled_text(path, seq, tokens, separator, ...)}: {@code tokens: int[seq]}, {@code label: int}. */
  private Value labelledText(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.LABELLED_TEXT, call, evaluator);
    if (args == null || !separatorGiven(call, args)) {
      return Value.ERROR;
    }
    int seq = (int) args.integer("seq");
    String path = args.string("path");
    String separator = args.string("separator");
    return dataset(Field.ints(LabelledText.TOKENS, seq), Field.ints(LabelledText.LABEL))
        .withCount("vocab", vocabulary(path, "the tokens of " + path, WordSettings.tokenizer(args), TextLines.Part.AFTER,
            separator, WordSettings.vocabulary(args)))
        .withCount("classes", ClassCount.fromFile(path, "the labels of " + path,
            file -> VocabularyCache.SHARED.classes(file, separator).size()));
  }

  /** {@code pairs(path, tokens, source_seq, target_seq, separator, ...)}: {@code source}, {@code target_in}, {@code target}. */
  private Value pairs(Ast.Call call, Evaluator evaluator) {
    Args args = bind(DataBuiltins.PAIRS, call, evaluator);
    if (args == null || !separatorGiven(call, args)) {
      return Value.ERROR;
    }
    if (args.integer("target_seq") < 2) {
      diagnostics.report(Diagnostic.at(Code.NN0208, argument(call, "target_seq").span(),
              "pairs needs target_seq of at least 2, for <start> or <end> and one token; found " + args.integer("target_seq")));
      return Value.ERROR;
    }
    int sourceSeq = (int) args.integer("source_seq");
    int targetSeq = (int) args.integer("target_seq");
    String path = args.string("path");
    String separator = args.string("separator");
    Tokenizer tokenizer = WordSettings.tokenizer(args);
    Vocabulary.Options options = WordSettings.vocabulary(args);
    return dataset(Field.ints(Pairs.SOURCE, sourceSeq), Field.ints(Pairs.TARGET_IN, targetSeq),
        Field.ints(Pairs.TARGET, targetSeq))
        .withCount("source_vocab", vocabulary(path, "the source tokens of " + path, tokenizer, TextLines.Part.BEFORE,
            separator, options))
        .withCount("target_vocab", vocabulary(path, "the target tokens of " + path, tokenizer, TextLines.Part.AFTER,
            separator, options));
  }

  /** The size of a word source's vocabulary, read through the shared cache so a corpus is read once. */
  private static ClassCount vocabulary(String path, String what, Tokenizer tokenizer, TextLines.Part part,
      String separator, Vocabulary.Options options) {
    return ClassCount.fromFile(path, what,
        file -> VocabularyCache.SHARED.vocabulary(file, tokenizer, part, separator, options).size());
  }

  private boolean separatorGiven(Ast.Call call, Args args) {
    if (!args.string("separator").isEmpty()) {
      return true;
    }
    diagnostics.report(Diagnostic.at(Code.NN0208, argument(call, "separator").span(),
            "the separator must not be empty").help("separator: \"\\t\" (the default) splits at a tab"));
    return false;
  }

  /** {@code normal(shape)}, {@code uniform(shape)}: {@code value: float[shape]}. */
  private Value random(DataBuiltin source, Ast.Call call, Evaluator evaluator) {
    Args args = bind(source, call, evaluator);
    if (args == null) {
      return Value.ERROR;
    }
    if (source == DataBuiltins.UNIFORM && !(args.real("lo") < args.real("hi"))) {
      diagnostics.error(Code.NN0208, call.span(),
          "uniform draws from [lo, hi), so lo must be below hi; found lo " + args.real("lo") + " and hi " + args.real("hi"));
      return Value.ERROR;
    }
    int[] shape = Arrays.stream(args.integers("shape")).mapToInt(Math::toIntExact).toArray();
    return new Value.Dataset(List.of(Field.floats(Noise.FIELD, shape)), -1, true);
  }

  private Args bind(DataBuiltin source, Ast.Call call, Evaluator evaluator) {
    Map<String, Object> bound = binder.bind(source.name(), source.signature(), call.args(), call.span(), evaluator::eval);
    return bound == null ? null : new Args(source.signature(), bound);
  }

  private static Ast.Arg argument(Ast.Call call, String name) {
    return call.args().stream().filter(a -> a.name() != null && a.name().name().equals(name)).findFirst().orElseThrow();
  }

  private static Value.Dataset dataset(Field... fields) {
    return new Value.Dataset(List.of(fields), -1, false);
  }
}
