package dev.nnc.maven;

import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Compiles {@code src/test/nn} to Java and adds it to the test sources. */
@Mojo(name = "test-compile", defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES, threadSafe = true,
    requiresDependencyResolution = ResolutionScope.TEST)
public final class TestCompileMojo extends AbstractNncMojo {
  /** Where the test {@code .nn} files are. */
  @Parameter(property = "nnc.testSourceDirectory", defaultValue = "${project.basedir}/src/test/nn")
  File sourceDirectory;

  /** Where the Java goes; added as a test source root. */
  @Parameter(property = "nnc.testOutputDirectory",
      defaultValue = "${project.build.directory}/generated-test-sources/nnc")
  File outputDirectory;

  /** With {@code -Dmaven.test.skip} no test is compiled, so neither are the test models. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean skipTests;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipTests) {
      getLog().info("nnc: test models skipped (maven.test.skip)");
      return;
    }
    super.execute();
  }

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
    return "test";
  }

  @Override
  void addSourceRoot(String path) {
    project.addTestCompileSourceRoot(path);
  }
}
