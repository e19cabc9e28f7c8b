package dev.nnc.compiler.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * A model declaration as a Java class: hyper-parameters become final fields, {@code apply} builds
 * the graph statement by statement as the `.nn` body reads, and {@code build} adapts it to the
 * trainer's {@code ModelFunction}.
 */
final class ModelGenerator {
  static final ClassName NET = ClassName.get("dev.nnc.runtime.graph", "Net");
  static final ClassName FIELD = ClassName.get("dev.nnc.runtime.data", "Field");
  static final ClassName MODEL_FUNCTION = ClassName.get("dev.nnc.runtime.train", "ModelFunction");
  static final ClassName OPERAND = ClassName.get("org.tensorflow", "Operand");
  static final TypeName ANY_OPERAND = ParameterizedTypeName.get(OPERAND, WildcardTypeName.subtypeOf(Object.class));
  /** A built-in's named results, as a record of states is held in generated code. */
  static final ClassName RESULTS = ClassName.get("dev.nnc.stdlib.graph", "Outputs");
  static final TypeName OPERAND_MAP =
      ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ANY_OPERAND);

  private final Program program;
  private final String packageName;

  ModelGenerator(Program program, String packageName) {
    this.program = program;
    this.packageName = packageName;
  }

  TypeSpec.Builder generate(Ast.Model model) {
    ClassName name = ClassName.get(packageName, JavaNames.modelClass(model.name().name()));
    TypeSpec.Builder type = Emitter.finalClass(name).addSuperinterface(MODEL_FUNCTION);
    if (model.doc() != null) {
      type.addJavadoc("$L\n\n", JavaNames.commentText(model.doc()));
    }
    Map<String, ExprWriter.Scalar> hyper = new LinkedHashMap<>();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    for (Ast.HyperParam h : model.hyperParams()) {
      String field = JavaNames.identifier(h.name().name());
      ExprWriter.Scalar scalar = switch (h.type().name().name()) {
        case "int" -> ExprWriter.Scalar.LONG;
        case "float" -> ExprWriter.Scalar.DOUBLE;
        case "bool" -> ExprWriter.Scalar.BOOLEAN;
        default -> ExprWriter.Scalar.STRING;
      };
      TypeName javaType = javaType(scalar);
      hyper.put(h.name().name(), scalar);
      type.addField(FieldSpec.builder(javaType, field, Modifier.PRIVATE, Modifier.FINAL).build());
      constructor.addParameter(javaType, field).addStatement("this.$N = $N", field, field);
    }
    type.addMethod(constructor.build());

    List<Ast.Input> inputs = new ArrayList<>();
    List<Ast.Output> outputs = new ArrayList<>();
    for (Ast.ModelStmt stmt : model.body()) {
      if (stmt instanceof Ast.Input i) {
        inputs.add(i);
      } else if (stmt instanceof Ast.Output o) {
        outputs.add(o);
      }
    }
    Map<String, CodeBlock> symbols = symbolsOf(inputs, model);
    Set<String> declared = new HashSet<>();
    model.body().forEach(s -> declared.add(JavaNames.identifier(s.name().name())));
    ExprWriter writer = new ExprWriter(program, packageName, new HashMap<>(), layersOf(model), new HashSet<>())
        .avoiding(declared);
    hyper.forEach(writer::declare);
    symbols.keySet().forEach(symbol -> writer.declare(symbol, ExprWriter.Scalar.LONG));
    type.addMethod(inputsMethod(inputs, writer));
    type.addField(outputsField(outputs));
    type.addType(outputsRecord(name, outputs));
    List<MethodSpec> apply = applyMethods(name, model, inputs, outputs, symbols, writer);
    type.addMethod(apply.get(0));
    type.addMethod(buildMethod(inputs, outputs));
    apply.subList(1, apply.size()).forEach(type::addMethod);
    return type;
  }

  /** Names bound to layer values ({@code let encode = dense(64)}): shared layers. */
  private Set<String> layersOf(Ast.Model model) {
    Set<String> layers = new HashSet<>();
    for (Ast.ModelStmt stmt : model.body()) {
      if (stmt instanceof Ast.Let let && program.valueOf(let.value()) instanceof Value.Layer) {
        layers.add(let.name().name());
      }
    }
    return layers;
  }

  private MethodSpec inputsMethod(List<Ast.Input> inputs, ExprWriter writer) {
    List<CodeBlock> fields = new ArrayList<>();
    for (Ast.Input input : inputs) {
      CodeBlock.Builder b = CodeBlock.builder().add("$T.$L($S", FIELD,
          isInteger(input.type()) ? "ints" : "floats", input.name().name());
      for (Ast.Expr dim : input.type().dims() == null ? List.<Ast.Expr>of() : input.type().dims()) {
        Value v = program.valueOf(dim);
        if (!(v instanceof Value.Const)) {
          b.add(", -1"); // a symbolic dimension, bound where the model is used
        } else {
          b.add(writer.readsHyper(dim) ? ", (int) $L" : ", $L", writer.whole(dim));
        }
      }
      fields.add(b.add(")").build());
    }
    return MethodSpec.methodBuilder("inputs")
        .addJavadoc("The model's inputs, record shapes without the batch dimension.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), FIELD))
        .addStatement("return $T.of($L)", List.class, CodeBlock.join(fields, ", "))
        .build();
  }

  private static boolean isInteger(Ast.TypeRef type) {
    return type.name().name().equals("int") || type.name().name().equals("long");
  }

  private static FieldSpec outputsField(List<Ast.Output> outputs) {
    CodeBlock names = CodeBlock.join(outputs.stream().map(o -> CodeBlock.of("$S", o.name().name())).toList(), ", ");
    return FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "OUTPUTS",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The output names; the first is the default output.\n")
        .initializer("$T.of($L)", List.class, names)
        .build();
  }

  private static TypeSpec outputsRecord(ClassName model, List<Ast.Output> outputs) {
    MethodSpec.Builder components = MethodSpec.constructorBuilder();
    for (Ast.Output o : outputs) {
      components.addParameter(ANY_OPERAND, JavaNames.identifier(o.name().name()));
    }
    return TypeSpec.recordBuilder("Outputs")
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("What {@link $T#apply} returns: each output of the model.\n", model)
        .recordConstructor(components.build())
        .build();
  }

  /**
   * The symbols of the input types ({@code h, w, c} of {@code float[h, w, c]}), each read from the
   * shape of the tensor the model is applied to: {@code x.shape().size(3)}.
   */
  private Map<String, CodeBlock> symbolsOf(List<Ast.Input> inputs, Ast.Model model) {
    // Only symbols the body reads become variables.
    Set<String> read = namesRead(model);
    Map<String, CodeBlock> symbols = new LinkedHashMap<>();
    for (Ast.Input input : inputs) {
      List<Ast.Expr> dims = input.type().dims() == null ? List.of() : input.type().dims();
      for (int axis = 0; axis < dims.size(); axis++) {
        if (dims.get(axis) instanceof Ast.Name n && program.valueOf(n) == null && read.contains(n.name())) {
          symbols.putIfAbsent(n.name(),
              CodeBlock.of("$L.shape().size($L)", JavaNames.identifier(input.name().name()), axis + 1));
        }
      }
    }
    return symbols;
  }

  /** Every name the body's expressions read: its lets, outputs and parameters (not its input types). */
  private static Set<String> namesRead(Ast.Model model) {
    Set<String> names = new HashSet<>();
    for (Ast.ModelStmt stmt : model.body()) {
      if (stmt instanceof Ast.Let let) {
        collectNames(let.value(), names);
      } else if (stmt instanceof Ast.Output output) {
        collectNames(output.value(), names);
      } else if (stmt instanceof Ast.Param param) {
        param.type().dims().forEach(dim -> collectNames(dim, names));
        if (param.init() != null) {
          collectNames(param.init(), names);
        }
      }
    }
    return names;
  }

  private static void collectNames(Ast.Expr e, Set<String> names) {
    if (e instanceof Ast.Name n) {
      names.add(n.name());
    }
    Ast.children(e).forEach(child -> collectNames(child, names));
  }

  private List<MethodSpec> applyMethods(ClassName name, Ast.Model model, List<Ast.Input> inputs,
      List<Ast.Output> outputs, Map<String, CodeBlock> symbols, ExprWriter writer) {
    MethodChain apply = new MethodChain("apply").parameter(NET, "net");
    for (Ast.Input input : inputs) {
      apply.parameter(ANY_OPERAND, JavaNames.identifier(input.name().name()));
    }
    symbols.forEach((symbol, size) -> apply.declare(TypeName.LONG, JavaNames.identifier(symbol), size));
    for (Ast.ModelStmt stmt : model.body()) {
      if (stmt instanceof Ast.Let let && program.valueOf(let.value()) instanceof Value.Layer layer) {
        apply.declare(ExprWriter.LAYER, JavaNames.identifier(let.name().name()),
            writer.layer(layer.op(), argsOf(let.value())));
      } else if (stmt instanceof Ast.Let let && program.valueOf(let.value()) instanceof Value.Const) {
        // A compile-time value (`let k = f / 16`) is a Java variable, computed from the hyper-parameters
        // of this instance like any other compile-time expression, never one instance's folded value.
        ExprWriter.Scalar scalar = writer.scalarOf(let.value());
        apply.declare(javaType(scalar), JavaNames.identifier(let.name().name()), writer.constant(let.value()));
        writer.declare(let.name().name(), scalar);
      } else if (stmt instanceof Ast.Let let) {
        tensorStatement(apply, let.name().name(), let.value(), writer);
      } else if (stmt instanceof Ast.Output output) {
        tensorStatement(apply, output.name().name(), output.value(), writer);
      } else if (stmt instanceof Ast.Param param) {
        List<CodeBlock> dims = param.type().dims().stream().map(writer::whole).toList();
        apply.declare(ANY_OPERAND, JavaNames.identifier(param.name().name()),
            CodeBlock.of("$T.param(net, $S, new long[] {$L}, $L)", ExprWriter.LAYER, param.name().name(),
                CodeBlock.join(dims, ", "), writer.initializer(param.init())));
      }
    }
    CodeBlock results = CodeBlock.join(
        outputs.stream().map(o -> CodeBlock.of("$L", JavaNames.identifier(o.name().name()))).toList(), ", ");
    apply.statement(CodeBlock.of("return new Outputs($L)", results));
    ClassName returns = name.nestedClass("Outputs");
    return apply.build(MethodSpec.methodBuilder("apply")
        .addJavadoc("Builds the model's graph on {@code net} for the given inputs.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(returns), returns);
  }

  private static TypeName javaType(ExprWriter.Scalar scalar) {
    return switch (scalar) {
      case LONG -> TypeName.LONG;
      case DOUBLE -> TypeName.DOUBLE;
      case BOOLEAN -> TypeName.BOOLEAN;
      case STRING -> ClassName.get(String.class);
      case OBJECT -> ClassName.OBJECT;
    };
  }

  private static List<Ast.Arg> argsOf(Ast.Expr e) {
    return e instanceof Ast.Call c ? c.args() : List.of();
  }

  /**
   * A pipeline becomes one statement per stage, reassigning one variable, so it reads like the source.
   * A record of states ({@code states: true}) is one {@code Outputs} statement, its stages nested.
   */
  private void tensorStatement(MethodChain method, String name, Ast.Expr value, ExprWriter writer) {
    String variable = JavaNames.identifier(name);
    if (program.valueOf(value) instanceof Value.States) {
      method.declare(RESULTS, variable, writer.tensor(value));
    } else if (value instanceof Ast.Pipeline p) {
      method.declare(ANY_OPERAND, variable, writer.tensor(p.source()));
      for (Ast.Expr stage : p.stages()) {
        method.statement(CodeBlock.of("$L = $L", variable, writer.stage(stage, CodeBlock.of("$L", variable))));
      }
    } else {
      method.declare(ANY_OPERAND, variable, writer.tensor(value));
    }
  }

  private static MethodSpec buildMethod(List<Ast.Input> inputs, List<Ast.Output> outputs) {
    CodeBlock args = CodeBlock.join(
        inputs.stream().map(i -> CodeBlock.of("inputs.get($S)", i.name().name())).toList(), ", ");
    MethodSpec.Builder build = MethodSpec.methodBuilder("build")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(OPERAND_MAP)
        .addParameter(NET, "net")
        .addParameter(OPERAND_MAP, "inputs")
        .addStatement("$T out = apply(net$L)", ClassName.bestGuess("Outputs"), args.isEmpty() ? "" : ", " + args)
        .addStatement("$T result = new $T<>()", OPERAND_MAP, LinkedHashMap.class);
    for (Ast.Output o : outputs) {
      build.addStatement("result.put($S, out.$L())", o.name().name(), JavaNames.identifier(o.name().name()));
    }
    return build.addStatement("return result").build();
  }
}
