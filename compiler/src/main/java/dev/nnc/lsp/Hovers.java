package dev.nnc.lsp;

import dev.nnc.compiler.check.Application;
import dev.nnc.compiler.check.ModelInstance;
import dev.nnc.compiler.check.Program;
import dev.nnc.compiler.check.Value;
import dev.nnc.compiler.lower.Ir;
import dev.nnc.compiler.syntax.Ast;
import dev.nnc.stdlib.Builtin;
import dev.nnc.stdlib.Builtins;
import dev.nnc.stdlib.data.DataBuiltin;
import dev.nnc.stdlib.data.DataBuiltins;
import dev.nnc.stdlib.spec.TensorType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What hover shows: the tensor type (shape with the batch) and the parameter count at a layer, function
 * or model application and at any tensor-valued name, read from what the checker recorded; a
 * built-in's signature and documentation; a model's parameters and outputs on its name.
 */
final class Hovers {
  private final Program program;
  private final Ir.Module lowered;

  Hovers(Program program, Ir.Module lowered) {
    this.program = program;
    this.lowered = lowered;
  }

  /** Markdown for the place {@code located}, or null when there is nothing to say. */
  String at(Located located) {
    if (located.ident() != null) {
      return declared(located.decl(), located.ident());
    }
    List<Ast.Expr> path = located.path();
    for (int i = path.size() - 1; i >= 0; i--) {
      Ast.Expr expr = path.get(i);
      Ast.Expr parent = located.parentOf(expr);
      if (isCallee(expr, parent)) {
        // `dense` in `dense(10)`: the call says more (its output), and names the built-in too;
        // where the call has nothing to say (`idx(...)`, `Net()` in a job) the name speaks.
        String text = expression(parent) == null ? callee((Ast.Name) expr, parent) : null;
        if (text != null) {
          return text;
        }
        continue;
      }
      String text = expression(expr);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private String expression(Ast.Expr expr) {
    // A model's layers are read from its lowered graph; applications in jobs are not lowered (yet).
    Application application = lowered.nodeAt(expr.span())
        .map(node -> new Application(node.type(), node.trainable(), node.nonTrainable()))
        .orElse(program.applicationAt(expr.span()));
    Builtin builtin = builtinOf(expr);
    if (application != null) {
      return code(firstLine(expr) + " -> " + application.output()) + "\n\n" + params(application.params(), application.trainable())
          + (builtin == null ? "" : "\n\n---\n\n" + builtin(builtin));
    }
    Value value = program.valueOf(expr);
    if (value instanceof Value.Tensor tensor) {
      return code(firstLine(expr) + ": " + tensor.type());
    }
    if (value instanceof Value.Outputs outputs) {
      return outputs(outputs.outputs());
    }
    if (expr instanceof Ast.Name name) {
      if (builtin != null) {
        return builtin(builtin);
      }
      if (value instanceof Value.ModelRef ref) {
        return model(ref.decl());
      }
      // Inline code, not a fence: a sentence cannot follow a closing fence on its line.
      return value == null ? null : "`" + name.name() + "` is " + value.describe();
    }
    return null;
  }

  /** The hover on the name a call calls when the call itself has none: a built-in (an optimizer), a data source or transform, or a model. */
  private String callee(Ast.Name name, Ast.Expr call) {
    Builtin builtin = builtinOf(name);
    if (builtin != null) {
      return builtin(builtin);
    }
    Optional<DataBuiltin> data = DataBuiltins.source(name.name()).or(() -> DataBuiltins.transform(name.name()));
    if (data.isPresent()) {
      String text = builtin(data.get());
      return program.valueOf(call) instanceof Value.Dataset dataset ? text + "\n\n" + records(dataset) : text;
    }
    return program.allDecls().stream()
        .filter(decl -> decl instanceof Ast.Model model && model.name().name().equals(name.name()))
        .findFirst().map(decl -> model((Ast.Model) decl)).orElse(null);
  }

  private static String records(Value.Dataset dataset) {
    return "its records:\n\n" + code(dataset.fields().stream().map(Object::toString).collect(Collectors.joining("\n")));
  }

  /** The hover on a declared name: a model, a let or output, an input, a data split. */
  private String declared(Ast.Decl decl, Ast.Ident ident) {
    if (decl instanceof Ast.Model model) {
      if (model.name() == ident) {
        return model(model);
      }
      for (Ast.ModelStmt stmt : model.body()) {
        if (stmt.name() == ident) {
          return modelStmt(model, stmt);
        }
      }
    } else if (decl instanceof Ast.Data data) {
      if (data.name() == ident) {
        return code("data " + ident.name()) + "\n\nsplits: " + data.splits().stream()
            .map(split -> "`" + ident.name() + "." + split.name().name() + "`").collect(Collectors.joining(", "));
      }
      for (Ast.Split split : data.splits()) {
        if (split.name() == ident && program.valueOf(split.value()) instanceof Value.Dataset dataset) {
          return code(dataset.fields().stream().map(Object::toString).collect(Collectors.joining("\n")))
              + "\n\nrecords of `" + data.name().name() + "." + ident.name() + "`";
        }
      }
    }
    return null;
  }

  private String modelStmt(Ast.Model model, Ast.ModelStmt stmt) {
    if (stmt instanceof Ast.Let let) {
      Value value = program.valueOf(let.value());
      return value instanceof Value.Tensor t ? code(let.name().name() + ": " + t.type()) : expression(let.value());
    }
    if (stmt instanceof Ast.Output output) {
      Value value = program.valueOf(output.value());
      return value instanceof Value.Tensor t ? code(output.name().name() + ": " + t.type()) : null;
    }
    if (stmt instanceof Ast.Input input) {
      ModelInstance instance = program.models().get(model);
      TensorType type = instance == null ? null : instance.inputs().get(input.name().name());
      return code(input.name().name() + ": " + (type == null ? input.type().span().text() : type.toString()));
    }
    return code(stmt.name().name() + ": " + ((Ast.Param) stmt).type().span().text()) + "\n\na trainable parameter";
  }

  /** {@code model Name(hyper: type = default)}, its documentation, and its parameters and outputs when checked. */
  private String model(Ast.Model model) {
    String hyper = model.hyperParams().stream()
        .map(h -> h.span().text())
        .collect(Collectors.joining(", ", "(", ")"));
    StringBuilder text = new StringBuilder(code("model " + model.name().name() + (model.hyperParams().isEmpty() ? "" : hyper)));
    if (model.doc() != null && !model.doc().isBlank()) {
      text.append("\n\n").append(model.doc().strip());
    }
    ModelInstance instance = program.models().get(model);
    if (instance != null) {
      text.append("\n\n").append(params(instance.trainable() + instance.nonTrainable(), instance.trainable()))
          .append(" with its defaults\n\n").append(outputs(instance.outputs()));
    }
    return text.toString();
  }

  private static String outputs(Map<String, TensorType> outputs) {
    return code(outputs.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
  }

  private static String builtin(Builtin builtin) {
    return code(builtin.signature().render(builtin.name())) + "\n\n" + builtin.kind().description() + ": " + builtin.doc();
  }

  private static String params(long total, long trainable) {
    String text = count(total) + " parameter" + (total == 1 ? "" : "s");
    return total == trainable ? text : text + " (" + count(trainable) + " trainable)";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static Builtin builtinOf(Ast.Expr expr) {
    Ast.Expr callee = expr instanceof Ast.Call call ? call.callee() : expr;
    return callee instanceof Ast.Name name ? Builtins.lookup(name.name()).orElse(null) : null;
  }

  private static boolean isCallee(Ast.Expr expr, Ast.Expr parent) {
    return parent instanceof Ast.Call call && call.callee() == expr;
  }

  private static String firstLine(Ast.Expr expr) {
    String text = expr.span().text().strip();
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline).strip() + " ...";
  }

  private static String code(String text) {
    return "```nn\n" + text + "\n```";
  }
}
