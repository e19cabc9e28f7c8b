package dev.nnc.compiler.check;

import dev.nnc.compiler.source.Span;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.runtime.data.Field;
import dev.nnc.stdlib.TensorOp;
import dev.nnc.stdlib.optimizers.OptimizerDef;
import dev.nnc.stdlib.optimizers.ScheduleDef;
import dev.nnc.stdlib.spec.Args;
import dev.nnc.stdlib.spec.TensorType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What an expression evaluates to at compile time. */
public sealed interface Value {
  /** A short description for messages: "a tensor float[batch, 10]", "the layer dense". */
  String describe();

  /** A compile-time constant: Long, Double, Boolean, String, a List of them, or a {@link Duration}. */
  record Const(Object value) implements Value {
    @Override
    public String describe() {
      if (value instanceof String s) {
        return "the string \"" + s + "\"";
      }
      return "the value " + dev.nnc.stdlib.spec.Values.render(value);
    }
  }

  /** {@code 5 epochs}, {@code 1000 steps}. */
  record Duration(long amount, String unit) {
    @Override
    public String toString() {
      return amount + " " + unit;
    }
  }

  /** A tensor; {@code origin} is where it was made, for labels in shape errors. */
  record Tensor(TensorType type, Span origin) implements Value {
    @Override
    public String describe() {
      return "a tensor " + type;
    }
  }

  /** A built-in applied to its configuration, waiting for its tensor input(s). */
  record Layer(TensorOp op, Args args, Span origin) implements Value {
    @Override
    public String describe() {
      return "the " + op.kind().description() + " " + op.name();
    }
  }

  /** A model declaration applied to its hyper-parameters. */
  record Model(Ast.Model decl, Map<String, Object> hyper, Span origin) implements Value {
    @Override
    public String describe() {
      return "the model " + decl.name().name();
    }
  }

  /** A model applied to inputs: its outputs by name (the first is the default). */
  record Outputs(Model model, Map<String, TensorType> outputs, Span origin) implements Value {
    @Override
    public String describe() {
      return "the outputs of " + model.decl().name().name();
    }
  }

  /**
   * A layer's several results, as a recurrent layer with {@code states: true} gives them: {@code out}
   * first, then its final states; members are read by name ({@code enc.h}), and the whole record
   * only starts another layer ({@code initial: enc}).
   */
  record States(String layer, Map<String, TensorType> results, Span origin) implements Value {
    @Override
    public String describe() {
      return "the states of " + layer + " (" + String.join(", ", results.keySet().stream().map(n -> "`" + n + "`").toList()) + ")";
    }

    /** The states a layer started from this record takes, in order: all but the main result. */
    List<Tensor> states() {
      return results.entrySet().stream().skip(1).map(e -> new Tensor(e.getValue(), origin)).toList();
    }
  }

  /** A model declaration not yet applied to hyper-parameters ({@code FashionCnn} without a call). */
  record ModelRef(Ast.Model decl) implements Value {
    @Override
    public String describe() {
      return "the model declaration " + decl.name().name();
    }
  }

  record Optimizer(OptimizerDef def, Args args) implements Value {
    @Override
    public String describe() {
      return "the optimizer " + def.name();
    }
  }

  /** A learning-rate schedule applied to its arguments: {@code cosine(1e-3, over: 20 epochs)}. */
  record Schedule(ScheduleDef def, Args args) implements Value {
    @Override
    public String describe() {
      return "the learning-rate schedule " + def.name();
    }
  }

  /** A data block, whose splits are its members. */
  record DataBlock(Ast.Data decl) implements Value {
    @Override
    public String describe() {
      return "the data block " + decl.name().name();
    }
  }

  /**
   * A stream of records with these fields (shapes without the batch); {@code shuffled} when its
   * order changes every epoch, which {@code split} must not follow; {@code random} when its values
   * do ({@code augment}, random records); {@code standardized}, the fields a {@code standardize}
   * computed statistics for (with the number of features, one statistic each), which data
   * standardised {@code like} this one may use; {@code counts}, where the compile-time sizes of its
   * source come from by member ({@code classes}, {@code vocab}, {@code source_vocab}, {@code
   * target_vocab}), none of them when nothing is known before the data is loaded.
   */
  record Dataset(List<Field> fields, long size, boolean shuffled, boolean random,
      Map<String, Integer> standardized, Map<String, ClassCount> counts) implements Value {
    /** The members a dataset may have for the sizes of its source. */
    static final List<String> COUNT_MEMBERS = List.of("classes", "vocab", "source_vocab", "target_vocab");

    public Dataset {
      fields = List.copyOf(fields);
      standardized = Map.copyOf(standardized);
      counts = Map.copyOf(counts);
    }

    /** Records of a source: in a fixed order; {@code random} when their values are drawn anew every epoch. */
    Dataset(List<Field> fields, long size, boolean random) {
      this(fields, size, false, random, Map.of(), Map.of());
    }

    /** These records with other fields (or the same), in another number. */
    Dataset with(List<Field> newFields, long newSize) {
      return new Dataset(newFields, newSize, shuffled, random, standardized, counts);
    }

    Dataset shuffledEveryEpoch() {
      return new Dataset(fields, size, true, random, standardized, counts);
    }

    Dataset randomEveryEpoch() {
      return new Dataset(fields, size, shuffled, true, standardized, counts);
    }

    Dataset standardizing(String field, int features) {
      Map<String, Integer> more = new HashMap<>(standardized);
      more.put(field, features);
      return new Dataset(fields, size, shuffled, random, more, counts);
    }

    /** These records whose {@code .classes} and {@code .vocab} are both {@code count}. */
    Dataset withClasses(ClassCount count) {
      return withCount("classes", count).withCount("vocab", count);
    }

    /** These records with {@code .member} counted by {@code count}. */
    Dataset withCount(String member, ClassCount count) {
      Map<String, ClassCount> more = new HashMap<>(counts);
      more.put(member, count);
      return new Dataset(fields, size, shuffled, random, standardized, more);
    }

    @Override
    public String describe() {
      return "a dataset";
    }
  }

  /** The two parts {@code | split(0.9)} gives, {@code .first} and {@code .rest}. */
  record DatasetParts(Dataset first, Dataset rest) implements Value {
    @Override
    public String describe() {
      return "the two parts of a split (use `.first` or `.rest`)";
    }
  }

  /** Something already reported as an error: every use of it stays silent, so one mistake is one message. */
  record Error() implements Value {
    @Override
    public String describe() {
      return "an erroneous value";
    }
  }

  Error ERROR = new Error();
}
