package dev.nnc.runtime.train;

import dev.nnc.runtime.graph.Net;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A step as {@link PlannedStep} runs it, whichever kind of job it comes from: the data fields fed to
 * every run; the session runs in order; the reported values, each with how the epoch's figure is
 * made (a ratio as two numbers); for each number reported, its operand and the run and fetch that
 * take it; and for each run, the states of stateful layers it takes. {@link StepPlanner} makes it.
 *
 * @param net the root context, whose {@code training} and {@code step} placeholders each run is fed
 */
record StepPlan(List<FieldFeed> feeds, Net net, List<StepRun> runs, List<String> reported,
    List<Metric.Aggregation> aggregations, List<Operand<TFloat32>> parts, List<int[]> slots,
    List<List<Net.Carried>> carried) {}
