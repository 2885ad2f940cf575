package io.tidemark.event;

/**
 * Which side of an Exchange server a web log came from. Exchange 2013+ runs the client-facing
 * "Default Web Site" (IIS site 1, the front end) and the "Exchange Back End" site (IIS site 2,
 * port 444); SSRF exploits show up as front-end requests that reach back-end paths.
 */
public enum SiteRole {
  FRONT_END("front-end"),
  BACK_END("back-end"),
  UNKNOWN("unknown");

  private final String id;

  SiteRole(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
