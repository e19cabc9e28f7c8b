package dev.nnc.runtime.distributed;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_DeleteSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSession;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_NewSessionOptions;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetConfig;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_SetTarget;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.proto.ConfigProto;

/**
 * The one place that reaches into TF Java's internals: a {@link Session} bound to a server target
 * ({@code grpc://host:port}). TF Java 1.1.0's public constructors never call {@code TF_SetTarget},
 * so this makes the native session itself (graph handle, options with target and config) and wraps
 * it with {@code Session}'s package-private {@code (Graph, TF_Session)} constructor. Written against
 * TF Java 1.1.0 exactly (the root pom pins it); {@code ClusterSessionsTest} is what breaks first on an
 * upgrade. Works on the class path; on the module path it would need {@code --add-opens
 * org.tensorflow/org.tensorflow=ALL-UNNAMED}.
 *
 * <p>Such a session does not initialize variables by itself (TF Java's auto-init is off for
 * wrapped sessions): call {@link Session#initialize()} once the graph is built.
 */
public final class ClusterSessions {
  private ClusterSessions() {}

  public static Session open(Graph graph, String target, ConfigProto config) {
    try (PointerScope scope = new PointerScope()) {
      AutoCloseable reference = (AutoCloseable) GRAPH_REF.invoke(graph);
      try {
        TF_Graph graphHandle = (TF_Graph) REFERENCE_HANDLE.invoke(reference);
        TF_SessionOptions options = TF_NewSessionOptions();
        try {
          TF_Status status = TF_Status.newStatus();
          TF_SetTarget(options, target);
          byte[] bytes = config.toByteArray();
          TF_SetConfig(options, new BytePointer(bytes), bytes.length, status);
          status.throwExceptionIfNotOK();
          TF_Session session = TF_NewSession(graphHandle, options, status);
          status.throwExceptionIfNotOK();
          return SESSION.newInstance(graph, session);
        } finally {
          TF_DeleteSessionOptions(options);
        }
      } finally {
        reference.close();
      }
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("cannot make a session for " + target + " with TF Java's internals"
          + " (written for TF Java 1.1.0): " + e, e);
    }
  }

  private static final Method GRAPH_REF;
  private static final Method REFERENCE_HANDLE;
  private static final Constructor<Session> SESSION;

  static {
    try {
      GRAPH_REF = Graph.class.getDeclaredMethod("ref");
      GRAPH_REF.setAccessible(true);
      REFERENCE_HANDLE = GRAPH_REF.getReturnType().getDeclaredMethod("nativeHandle");
      REFERENCE_HANDLE.setAccessible(true);
      SESSION = Session.class.getDeclaredConstructor(Graph.class, TF_Session.class);
      SESSION.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError("TF Java is not the 1.1.0 this adapter was written for: " + e);
    }
  }
}
