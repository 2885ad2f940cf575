package io.tidemark.lab;

import java.nio.charset.StandardCharsets;

/** Ordinary files in the web folders attackers use, so a scan meets something benign there. */
final class Decoys {
  private Decoys() {}

  /** An ASPX page that only names its code-behind class, as Exchange's own pages do. */
  static byte[] page(String inherits) {
    return ("<%@ Page language=\"c#\" AutoEventWireup=\"false\" Inherits=\"" + inherits
        + "\" %>\r\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] iisStart() {
    return ("<!DOCTYPE html>\r\n<html><head><title>IIS Windows Server</title></head>\r\n"
        + "<body><h1>Internet Information Services</h1></body></html>\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }
}
