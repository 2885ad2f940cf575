package io.tidemark.evtx;

import java.util.List;

/**
 * A template definition from a chunk: its GUID (the first 32 bits of which template instances
 * repeat as their template id) and its parsed body, shared by every record that instantiates it.
 *
 * @param offset the chunk-relative offset of the definition header
 * @param guid the 16 bytes of the template GUID
 * @param dataSize the size of the body after the 24-byte header
 * @param nodes the body: fragment nodes holding substitutions
 */
record Template(int offset, byte[] guid, int dataSize, List<Node> nodes) {
  Template {
    nodes = List.copyOf(nodes);
  }

  /** The GUID's first 32 bits, little-endian, as template instances quote it. */
  int id() {
    return Bytes.i32(guid, 0);
  }
}
