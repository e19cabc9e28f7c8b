package dev.nnc.compiler.check;

import dev.nnc.compiler.syntax.Ast;

/**
 * A checked {@code sample} job (LANGUAGE.md §7.3): the model, checked on records of
 * {@code window} characters (1 when its sequence length is a symbol, so that it is fed one
 * character at a time and carries its recurrent state), the directory its weights come from, and
 * the generation settings.
 */
public record SampleJob(
    Ast.Job decl,
    Ast.Expr modelExpr,
    ModelInstance model,
    String input,
    int window,
    String from,
    String prime,
    int length,
    double temperature,
    long seed) {}
