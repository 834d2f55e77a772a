package io.github.staticgo.verify;

/** One reason a binary fails, and what fixes it. */
public record Finding(String problem, String hint) {}
