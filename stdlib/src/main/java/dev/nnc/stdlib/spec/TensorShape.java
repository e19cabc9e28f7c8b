package dev.nnc.stdlib.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The shape of a tensor as the checker infers it, batch dimension included where there is one. */
public record TensorShape(List<Dim> dims) {
  public TensorShape {
    dims = List.copyOf(dims);
  }

  public static TensorShape of(Dim... dims) {
    return new TensorShape(Arrays.asList(dims));
  }

  public static TensorShape of(long... sizes) {
    List<Dim> dims = new ArrayList<>();
    for (long size : sizes) {
      dims.add(Dim.of(size));
    }
    return new TensorShape(dims);
  }

  public static TensorShape scalar() {
    return new TensorShape(List.of());
  }

  /** {@code [batch, ...this]}: a per-record shape as the model sees it. */
  public TensorShape batched() {
    return prepend(Dim.BATCH);
  }

  /** {@code [first, ...this]}. */
  public TensorShape prepend(Dim first) {
    List<Dim> all = new ArrayList<>();
    all.add(first);
    all.addAll(dims);
    return new TensorShape(all);
  }

  public int rank() {
    return dims.size();
  }

  public Dim dim(int axis) {
    return dims.get(axis < 0 ? dims.size() + axis : axis);
  }

  public Dim last() {
    return dims.get(dims.size() - 1);
  }

  /** This shape with the last dimension replaced. */
  public TensorShape withLast(Dim last) {
    List<Dim> all = new ArrayList<>(dims);
    all.set(all.size() - 1, last);
    return new TensorShape(all);
  }

  public TensorShape with(int axis, Dim dim) {
    List<Dim> all = new ArrayList<>(dims);
    all.set(axis < 0 ? all.size() + axis : axis, dim);
    return new TensorShape(all);
  }

  /** Every dimension after the first (the record shape of a batched tensor). */
  public TensorShape unbatched() {
    return new TensorShape(dims.subList(1, dims.size()));
  }

  /** The number of elements, or -1 if any dimension is symbolic. */
  public long elements() {
    long n = 1;
    for (Dim dim : dims) {
      if (!dim.isKnown()) {
        return -1;
      }
      n *= dim.sizeOr(-1);
    }
    return n;
  }

  public long[] sizes() {
    return dims.stream().mapToLong(d -> d.sizeOr(-1)).toArray();
  }

  @Override
  public String toString() {
    return dims.stream().map(Dim::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
