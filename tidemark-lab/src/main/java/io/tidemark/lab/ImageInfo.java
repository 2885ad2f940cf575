package io.tidemark.lab;

import java.util.Locale;

/**
 * Version resources Sysmon reports for an image. Hashes are synthetic (derived from the path),
 * never those of a real binary, so nothing in the lab points at a real file.
 */
record ImageInfo(String version, String description, String product, String company,
    String originalName, String hashes) {
  private static final String WINDOWS = "Microsoft\u00ae Windows\u00ae Operating System";
  private static final String MICROSOFT = "Microsoft Corporation";
  private static final String OS_VERSION = "10.0.14393.0 (rs1_release.160715-1616)";

  static ImageInfo of(String image) {
    String name = image.substring(image.lastIndexOf('\\') + 1).toLowerCase(Locale.ROOT);
    String hashes = hashes(image);
    return switch (name) {
      case "cmd.exe" -> new ImageInfo(OS_VERSION, "Windows Command Processor", WINDOWS, MICROSOFT,
          "Cmd.Exe", hashes);
      case "powershell.exe" -> new ImageInfo(OS_VERSION, "Windows PowerShell", WINDOWS, MICROSOFT,
          "PowerShell.EXE", hashes);
      case "rundll32.exe" -> new ImageInfo(OS_VERSION, "Windows host process (Rundll32)", WINDOWS,
          MICROSOFT, "RUNDLL32.EXE", hashes);
      case "whoami.exe" -> new ImageInfo(OS_VERSION, "whoami - displays logged on user information",
          WINDOWS, MICROSOFT, "whoami.exe", hashes);
      case "makecab.exe" -> new ImageInfo(OS_VERSION, "Microsoft\u00ae Cabinet Maker", WINDOWS,
          MICROSOFT, "MAKECAB.EXE", hashes);
      case "w3wp.exe" -> new ImageInfo(OS_VERSION, "IIS Worker Process", "Internet Information "
          + "Services", MICROSOFT, "w3wp.exe", hashes);
      case "7z.exe", "7za.exe" -> new ImageInfo("19.00", "7-Zip Console", "7-Zip", "Igor Pavlov",
          "7z.exe", hashes);
      case "procdump64.exe" -> new ImageInfo("10.0", "Sysinternals process dump utility",
          "Sysinternals Procdump", "Sysinternals - www.sysinternals.com", "procdump", hashes);
      default -> name.startsWith("msexchange") || name.startsWith("microsoft.exchange")
          ? new ImageInfo("15.01.2176.002", name, "Microsoft\u00ae Exchange", MICROSOFT, name,
              hashes)
          : new ImageInfo(OS_VERSION, name, WINDOWS, MICROSOFT, name, hashes);
    };
  }

  private static String hashes(String image) {
    long a = Rand.mix(image.toLowerCase(Locale.ROOT).hashCode());
    long b = Rand.mix(a);
    long c = Rand.mix(b);
    long d = Rand.mix(c);
    StringBuilder sb = new StringBuilder(200);
    sb.append("SHA1=");
    hex(sb, a, b, c);
    sb.setLength(sb.length() - 8);
    sb.append(",MD5=");
    hex(sb, b, c);
    sb.append(",SHA256=");
    hex(sb, a, b, c, d);
    sb.append(",IMPHASH=");
    hex(sb, d, a);
    return sb.toString().toUpperCase(Locale.ROOT);
  }

  private static void hex(StringBuilder sb, long... parts) {
    for (long part : parts) {
      Text.appendHex(sb, part, 16);
    }
  }
}
