package dev.nnc.maven;

import dev.nnc.compiler.diag.Diagnostic;
import dev.nnc.compiler.diag.HumanRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What {@code compile} and {@code test-compile} share; they differ in their folders and source root. */
abstract class AbstractNncMojo extends AbstractMojo {
  /** The artifact whose classes the generated code calls (it brings nnc-runtime and TensorFlow Java). */
  static final String STDLIB = "nnc-stdlib";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  PluginDescriptor plugin;

  /** The Java package of every generated class; by default each file's, from its folder and name. */
  @Parameter(property = "nnc.package")
  String packageName;

  /** Skips nnc altogether. */
  @Parameter(property = "nnc.skip", defaultValue = "false")
  boolean skip;

  abstract File sourceDirectory();

  abstract File outputDirectory();

  /** Short name of this source set, for the state file and messages: "main" or "test". */
  abstract String sourceSet();

  abstract void addSourceRoot(String path);

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("nnc: skipped");
      return;
    }
    Path sources = sourceDirectory().toPath();
    Path state = Path.of(project.getBuild().getDirectory(), "nnc", sourceSet() + ".state");
    // target/nnc/nnc.sarif for the main sources, as the code-scanning setups expect; nnc-test.sarif beside it.
    Path sarif = Path.of(project.getBuild().getDirectory(), "nnc",
        sourceSet().equals("main") ? "nnc.sarif" : "nnc-" + sourceSet() + ".sarif");
    NnBuild.Result result;
    try {
      if (NnSources.find(sources).isEmpty()) {
        getLog().info("nnc: no .nn files in " + sources);
        return;
      }
      requireStdlib();
      result = new NnBuild(sources, outputDirectory().toPath(), packageName, state, sarif).run();
    } catch (IOException e) {
      throw new MojoExecutionException("nnc: " + e.getMessage(), e);
    }
    addSourceRoot(outputDirectory().getPath());
    for (Diagnostic d : result.diagnostics()) {
      if (d.isError()) {
        getLog().error(HumanRenderer.render(d));
      } else {
        getLog().warn(HumanRenderer.render(d));
      }
    }
    if (result.failed()) {
      long errors = result.diagnostics().stream().filter(Diagnostic::isError).count();
      throw new MojoFailureException("nnc: " + count(errors, "error") + " in " + sources
          + " (listed above)");
    }
    report(result);
  }

  private void report(NnBuild.Result result) {
    String files = count(result.sources(), ".nn file");
    if (result.upToDate()) {
      getLog().info("nnc: " + files + " up to date");
      return;
    }
    getLog().info("nnc: compiled " + files + " to " + outputDirectory() + ": " + count(result.written().size(), "Java file")
        + " written, " + result.unchanged().size() + " unchanged"
        + (result.deleted().isEmpty() ? "" : ", " + result.deleted().size() + " deleted"));
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /**
   * The generated classes do not compile without nnc-stdlib on the class path; saying so here is
   * clearer than a page of "package dev.nnc.stdlib does not exist" from javac.
   */
  private void requireStdlib() throws MojoFailureException {
    for (Artifact a : project.getArtifacts()) {
      if (a.getGroupId().equals("dev.nnc") && a.getArtifactId().equals(STDLIB)) {
        return;
      }
    }
    throw new MojoFailureException("nnc: the Java generated from " + sourceDirectory() + " needs dev.nnc:" + STDLIB
        + " at compile time, and " + project.getArtifactId() + " does not depend on it.\n"
        + "  = help: add to the project's <dependencies>:\n"
        + "      <dependency><groupId>dev.nnc</groupId><artifactId>" + STDLIB + "</artifactId><version>"
        + plugin.getVersion() + "</version></dependency>");
  }

}
