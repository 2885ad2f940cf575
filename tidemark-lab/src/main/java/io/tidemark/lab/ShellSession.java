package io.tidemark.lab;

/**
 * An attacker driving a web shell: each command is a POST to the shell from the attacker, and a
 * China Chopper shaped {@code cmd.exe} child of the pool's w3wp.exe ({@code cmd /c cd /d
 * "<dir>"&<command>&echo [S]&cd&echo [E]}).
 */
final class ShellSession {
  final AttackKit kit;
  final String ip;
  final String ua;
  final String url;
  final Proc worker;
  final String directory;

  ShellSession(AttackKit kit, String ip, String ua, String url, Proc worker, String directory) {
    this.kit = kit;
    this.ip = ip;
    this.ua = ua;
    this.url = url;
    this.worker = worker;
    this.directory = directory;
  }

  /** One command through the shell; returns when its output went back. */
  long chopper(long t, String command, int tag) {
    Proc cmd = cmd(t, command, tag);
    String program = command.split(" ")[0];
    if (!program.equals("cd") && !program.equals("copy") && !program.equals("del")
        && !program.contains("\\") && !program.equals("attrib")) {
      kit.run(t + 40, cmd, "C:\\Windows\\System32\\" + program + ".exe", command, tag);
    }
    return post(t + kit.rand.between(200, 1500), tag);
  }

  /** The cmd.exe the shell spawns for one command. */
  Proc cmd(long t, String command, int tag) {
    String line = "cmd /c cd /d \"" + directory + "\\\"&" + command + "&echo [S]&cd&echo [E]";
    return kit.run(t, worker, "C:\\Windows\\System32\\cmd.exe", line, tag);
  }

  /** The HTTP request that carried a command to the shell. */
  long post(long t, int tag) {
    Request r = kit.request(t, "POST", url, ip, ua, tag);
    r.timeTaken = kit.rand.skewed(300, 0.8);
    r.referer = "";
    r.requestBytes = kit.rand.skewed(600, 0.5);
    kit.emit();
    return r.time;
  }

  /** A download of a file the attacker staged in a web folder. */
  long download(long t, String path, int tag) {
    Request r = kit.request(t, "GET", path, ip, ua, tag);
    r.timeTaken = kit.rand.between(20_000, 400_000);
    r.time = t + r.timeTaken;
    kit.emit();
    return r.time;
  }
}
