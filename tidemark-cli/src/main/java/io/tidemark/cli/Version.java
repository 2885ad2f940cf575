package io.tidemark.cli;

import picocli.CommandLine;

/** The version from the jar manifest, or "dev" when running from classes. */
final class Version implements CommandLine.IVersionProvider {
  static String get() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"tidemark " + get(), "Java " + System.getProperty("java.version")};
  }
}
