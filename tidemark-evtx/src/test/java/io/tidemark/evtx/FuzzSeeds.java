package io.tidemark.evtx;

import static io.tidemark.evtx.EvtxBuilder.attr;
import static io.tidemark.evtx.EvtxBuilder.el;
import static io.tidemark.evtx.EvtxBuilder.sub;
import static io.tidemark.evtx.EvtxBuilder.text;
import static io.tidemark.evtx.EvtxFixtures.SYSTEM;
import static io.tidemark.evtx.EvtxFixtures.TIME;
import static io.tidemark.evtx.EvtxFixtures.system;

import io.tidemark.evtx.EvtxBuilder.TemplateSpec;
import io.tidemark.evtx.EvtxBuilder.Val;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the fuzz test's seed inputs (synthetic: the public samples may not be copied into the
 * project). Run once: {@code java -cp target/test-classes:... io.tidemark.evtx.FuzzSeeds DIR}.
 */
final class FuzzSeeds {
  private FuzzSeeds() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    write(dir, "seed-process-chunk", EvtxFixtures.processChunk(1, 3));
    EvtxBuilder.Chunk userData = new EvtxBuilder.Chunk();
    TemplateSpec wmi = new TemplateSpec(0x0BADF00D, el("UserData", el("Operation_ClientFailure",
        List.of(attr("xmlns", text("http://manifests.microsoft.com/win/2006/windows/WMI"))),
        el("Id", sub(0, 1)), el("ClientProcessId", sub(1, 8)), el("Operation", sub(2, 1)))));
    userData.record(5, TIME, SYSTEM, system(5, 5858, Val.binxml(wmi, Val.string("{0}"),
        Val.u32(25920), Val.string("IWbemServices::ExecMethod & <cleareventlog>"))));
    write(dir, "seed-userdata", userData);
    EvtxBuilder.Chunk arrays = new EvtxBuilder.Chunk();
    TemplateSpec classic = new TemplateSpec(0x00C1A551, el("EventData",
        el("Data", sub(0, 0x81)), el("Binary", EvtxBuilder.opt(1, 0x0E))));
    arrays.record(9, TIME, SYSTEM, system(9, 18456, Val.binxml(classic,
        Val.of(0x81, "sa\0 [CLIENT: 10.0.0.5]\0".getBytes(
            java.nio.charset.StandardCharsets.UTF_16LE)), Val.nul())));
    write(dir, "seed-string-array", arrays);
  }

  private static void write(Path dir, String name, EvtxBuilder.Chunk chunk) throws IOException {
    byte[] bytes = chunk.build();
    Files.write(dir.resolve(name), Arrays.copyOf(bytes, chunk.position()));
  }
}
