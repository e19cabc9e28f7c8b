package dev.nnc.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code nnc --version}: the version Maven packaged, and the TensorFlow Java it runs on. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Nnc.class.getPackage().getImplementationVersion();
    return new String[] {"nnc " + (version == null ? "0.1.0-SNAPSHOT" : version) + " (TensorFlow Java 1.1.0)"};
  }
}
