package dev.nnc.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code nnc --version}: the version Maven packaged, and the TensorFlow Java it runs on. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"nnc " + implementation() + " (TensorFlow Java 1.1.0)"};
  }

  /** The version Maven packaged, or the development version when run from classes. */
  static String implementation() {
    String version = Nnc.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }
}
