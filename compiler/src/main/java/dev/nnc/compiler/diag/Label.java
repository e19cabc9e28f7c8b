package dev.nnc.compiler.diag;

import dev.nnc.compiler.source.Span;

/** A secondary place a diagnostic points at, with what it says there. */
public record Label(Span span, String message) {}
