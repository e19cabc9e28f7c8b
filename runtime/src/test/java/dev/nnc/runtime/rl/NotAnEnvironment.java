package dev.nnc.runtime.rl;

/** A class that a program names in {@code java(...)} by mistake: it does not implement Environment. */
public final class NotAnEnvironment {}
