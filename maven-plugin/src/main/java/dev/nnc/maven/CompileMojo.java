package dev.nnc.maven;

import java.io.File;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Compiles {@code src/main/nn} to Java and adds it to the main sources. */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.COMPILE)
public final class CompileMojo extends AbstractNncMojo {
  /** Where the {@code .nn} files are. */
  @Parameter(property = "nnc.sourceDirectory", defaultValue = "${project.basedir}/src/main/nn")
  File sourceDirectory;

  /** Where the Java goes; added as a compile source root. */
  @Parameter(property = "nnc.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/nnc")
  File outputDirectory;

  @Override
  File sourceDirectory() {
    return sourceDirectory;
  }

  @Override
  File outputDirectory() {
    return outputDirectory;
  }

  @Override
  String sourceSet() {
    return "main";
  }

  @Override
  void addSourceRoot(String path) {
    project.addCompileSourceRoot(path);
  }
}
