package io.tidemark.lab;

import java.util.Locale;

/**
 * A process as Sysmon identifies it.
 *
 * @param image the full path of the executable
 * @param pid the process id
 * @param guid Sysmon's ProcessGuid, upper case without braces as evtx_dump prints GUIDs
 * @param commandLine the command line
 * @param user {@code CORP\jdoe}
 * @param currentDirectory the working folder
 */
record Proc(String image, int pid, String guid, String commandLine, String user,
    String currentDirectory) {

  /** A new process with a fresh id and GUID. */
  static Proc start(Rand rand, String image, String commandLine, String user, String cwd) {
    int pid = rand.between(1200, 14000) & ~3;
    String guid =
        "9A1C5E4B-" + rand.hex(4) + "-" + rand.hex(4) + "-" + rand.hex(4) + "-" + rand.hex(12);
    return new Proc(image, pid, guid.toUpperCase(Locale.ROOT), commandLine, user, cwd);
  }
}
