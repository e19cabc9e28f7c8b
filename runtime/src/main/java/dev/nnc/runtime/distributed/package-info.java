/**
 * Data-parallel training on TensorFlow's own runtime (LANGUAGE.md §7.6): the pieces the run loop
 * plugs in, each usable and tested alone.
 *
 * <p>A worker of a cluster ({@code --cluster FILE --task N}, or {@code TF_CONFIG}):
 * <ol>
 *   <li>{@link ClusterConfig#read} or {@link ClusterConfig#fromEnvironment}, then
 *       {@link ClusterConfig#taskFor} gives this process's {@link ClusterTask};
 *       {@link DataShard#rows} checks the batch before anything starts.</li>
 *   <li>{@link WorkerServer#start} (print its {@link WorkerServer#exposure}); it waits for the others.</li>
 *   <li>Build the graph as in one process, on this worker's shard of every batch; between the
 *       gradients and the optimizer's apply, {@code new AllReduce(CollectiveGroup.of(task,
 *       timeouts)).reduce(tf, gradients)} (a {@link GradientReduction}; {@link GradientReduction#NONE}
 *       in one process). Then {@link Broadcast#fromChief} over every variable (weights and optimizer
 *       state), in the same order on every worker.</li>
 *   <li>{@link WorkerServer#openSession}, {@code session.initialize()} (such a session does not
 *       initialize by itself), run the broadcast op once, then train; a {@code TensorFlowException}
 *       from a run becomes {@link WorkerServer#failure}, which names the worker that died or hung.</li>
 *   <li>Exit the process at the end (the server cannot be stopped). Worker 0 alone writes.</li>
 * </ol>
 * Every worker must build its collectives in the same order: {@link CollectiveGroup} numbers them.
 *
 * <p>Several devices of one process ({@code --devices cpu:0,cpu:1}): {@link DeviceList#parse},
 * {@link Replicas#build} in place of building the model and its loss once, and
 * {@link DeviceList#configure} on the session's config. {@link LocalCluster} starts a cluster's
 * workers on one machine ({@code nnc cluster --workers N}).
 */
package dev.nnc.runtime.distributed;
