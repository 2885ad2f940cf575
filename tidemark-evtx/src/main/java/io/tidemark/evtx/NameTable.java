package io.tidemark.evtx;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The element and attribute names of one chunk, each stored once and referenced by offset. A
 * name's 16-bit hash is checked, which tells a real name from bytes that merely sit at a stale
 * offset (a record carved from slack pointing into overwritten space).
 */
final class NameTable {
  private static final int MAX_POOLED_NAMES = 65_536;
  // Names repeat across chunks; one String per distinct name saves memory and makes field
  // lookups hit identical strings. Capped, since a crafted file can hold any number of names.
  private static final Map<String, String> POOL = new ConcurrentHashMap<>();

  private final byte[] b;
  private final int limit;
  private final Map<Integer, String> names = new HashMap<>();
  private final Map<Integer, EvtxFormatException> bad = new HashMap<>();

  NameTable(byte[] chunk, int limit) {
    this.b = chunk;
    this.limit = limit;
  }

  /** The name structure at {@code offset}: next-offset, hash, length, UTF-16 text, NUL. */
  String name(int offset) {
    String cached = names.get(offset);
    if (cached != null) {
      return cached;
    }
    EvtxFormatException failed = bad.get(offset);
    if (failed != null) {
      throw failed;
    }
    try {
      String name = parseName(offset);
      names.put(offset, name);
      return name;
    } catch (EvtxFormatException e) {
      bad.put(offset, e);
      throw e;
    }
  }

  private String parseName(int offset) {
    if (offset < 0 || offset > limit - 8) {
      throw new EvtxFormatException("name offset " + offset + " outside chunk", offset);
    }
    int hash = Bytes.u16(b, offset + 4);
    int length = Bytes.u16(b, offset + 6);
    if (offset + 10 + 2 * length > limit) {
      throw new EvtxFormatException("name of " + length + " characters runs past the chunk",
          offset);
    }
    int computed = 0;
    for (int i = 0; i < length; i++) {
      computed = computed * 65599 + Bytes.u16(b, offset + 8 + 2 * i);
    }
    // The hash tells a real name from bytes that merely sit at a stale offset.
    if ((computed & 0xFFFF) != hash) {
      throw new EvtxFormatException("no valid name at offset " + offset + " (hash mismatch)",
          offset);
    }
    return pooled(Utf16.decode(b, offset + 8, length));
  }

  private static String pooled(String name) {
    String known = POOL.get(name);
    if (known != null) {
      return known;
    }
    if (POOL.size() < MAX_POOLED_NAMES) {
      POOL.putIfAbsent(name, name);
    }
    return name;
  }
}
