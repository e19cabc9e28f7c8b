package dev.nnc.compiler.run;

import com.palantir.javapoet.JavaFile;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated Java in memory (javax.tools) against this process's class path and loads it, so
 * {@code nnc train} runs exactly the code {@code nnc compile} writes, without files on disk.
 */
public final class InMemoryJavaCompiler {
  private InMemoryJavaCompiler() {}

  public static ClassLoader compile(List<JavaFile> files) {
    if (files.isEmpty()) {
      // A program with no model, data or job: javac would fail with "no source files".
      return InMemoryJavaCompiler.class.getClassLoader();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("nnc train needs a JDK (javac), but this Java is a JRE");
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (JavaFile file : files) {
      sources.add(file.toJavaFileObject());
    }
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
    var manager = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(
          Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, k -> new ByteArrayOutputStream());
          }
        };
      }
    };
    StringWriter errors = new StringWriter();
    List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-proc:none", "-g:none");
    boolean ok = javac.getTask(errors, manager, null, options, null, sources).call();
    if (!ok) {
      // Generated code that does not compile is a bug in nnc, never the user's mistake.
      throw new IllegalStateException("the generated Java does not compile:\n" + errors);
    }
    return new ClassLoader(InMemoryJavaCompiler.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        ByteArrayOutputStream bytes = classes.get(name);
        if (bytes == null) {
          throw new ClassNotFoundException(name);
        }
        byte[] b = bytes.toByteArray();
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
