package io.tidemark.evtx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Writes EVTX files in the format Windows writes, for tests that need no public data set: a
 * file header, 64 KiB chunks with valid checksums, records whose Binary XML instantiates
 * templates defined inline on first use (as Windows does) with names inline too.
 *
 * <p>Templates and values are small specs ({@link Spec}, {@link Val}) serialised at their final
 * chunk offset, because names and template definitions are referenced by that offset.
 */
final class EvtxBuilder {
  private EvtxBuilder() {}

  /** A file of the given chunks, with a valid header (version 3.1, not dirty). */
  static byte[] file(byte[]... chunks) {
    byte[] header = new byte[FileHeader.SIZE];
    put(header, 0, "ElfFile\0".getBytes(StandardCharsets.US_ASCII));
    putLong(header, 8, 0);
    putLong(header, 16, Math.max(0, chunks.length - 1));
    putLong(header, 24, 1_000);
    putInt(header, 32, 128);
    putShort(header, 36, 1);
    putShort(header, 38, 3);
    putShort(header, 40, 4096);
    putShort(header, 42, chunks.length);
    CRC32 crc = new CRC32();
    crc.update(header, 0, 120);
    putInt(header, 124, (int) crc.getValue());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header);
    for (byte[] chunk : chunks) {
      out.writeBytes(chunk);
    }
    return out.toByteArray();
  }

  /** A template body: one element, or a nested template instance. */
  sealed interface Spec permits Element, Text, Sub, CharRef, EntityRef, CData {}

  record Element(String name, List<Attr> attributes, List<Spec> children) implements Spec {}

  record Attr(String name, List<Spec> value) {}

  record Text(String text) implements Spec {}

  record Sub(int index, int type, boolean optional) implements Spec {}

  record CharRef(int code) implements Spec {}

  record EntityRef(String name) implements Spec {}

  record CData(String text) implements Spec {}

  static Element el(String name, Spec... children) {
    return new Element(name, List.of(), List.of(children));
  }

  static Element el(String name, List<Attr> attributes, Spec... children) {
    return new Element(name, attributes, List.of(children));
  }

  static Attr attr(String name, Spec... value) {
    return new Attr(name, List.of(value));
  }

  static Text text(String text) {
    return new Text(text);
  }

  static Sub sub(int index, int type) {
    return new Sub(index, type, false);
  }

  static Sub opt(int index, int type) {
    return new Sub(index, type, true);
  }

  /** A template: its GUID's first 32 bits are the id instances quote. */
  record TemplateSpec(int id, Element root) {}

  /** A substitution value: a type and the bytes of its data, or a nested document. */
  record Val(int type, byte[] bytes, @Nullable TemplateSpec nested, List<Val> nestedValues) {
    static Val of(int type, byte... bytes) {
      return new Val(type, bytes, null, List.of());
    }

    static Val of(int type, int... bytes) {
      byte[] raw = new byte[bytes.length];
      for (int i = 0; i < bytes.length; i++) {
        raw[i] = (byte) bytes[i];
      }
      return of(type, raw);
    }

    static Val string(String text) {
      return of(ValueType.STRING, text.getBytes(StandardCharsets.UTF_16LE));
    }

    static Val u8(int v) {
      return of(ValueType.UINT8, (byte) v);
    }

    static Val u16(int v) {
      return of(ValueType.UINT16, (byte) v, (byte) (v >> 8));
    }

    static Val u32(long v) {
      return of(ValueType.UINT32, le(v, 4));
    }

    static Val u64(long v) {
      return of(ValueType.UINT64, le(v, 8));
    }

    static Val hex64(long v) {
      return of(ValueType.HEX_INT64, le(v, 8));
    }

    static Val filetime(long ticks) {
      return of(ValueType.FILETIME, le(ticks, 8));
    }

    /** A GUID from its text, stored as Windows stores it (first three groups little-endian). */
    static Val guid(String text) {
      return of(ValueType.GUID, guidBytes(text));
    }

    /** A SID from its text, e.g. {@code S-1-5-18}. */
    static Val sid(String text) {
      String[] parts = text.split("-");
      int count = parts.length - 3;
      byte[] out = new byte[8 + 4 * count];
      out[0] = (byte) Integer.parseInt(parts[1]);
      out[1] = (byte) count;
      long authority = Long.parseLong(parts[2]);
      for (int i = 0; i < 6; i++) {
        out[7 - i] = (byte) (authority >>> (8 * i));
      }
      for (int i = 0; i < count; i++) {
        put(out, 8 + 4 * i, le(Long.parseLong(parts[3 + i]), 4));
      }
      return of(ValueType.SID, out);
    }

    static Val nul() {
      return of(ValueType.NULL);
    }

    /** A nested Binary XML value: a fragment instantiating {@code template}. */
    static Val binxml(TemplateSpec template, Val... values) {
      return new Val(ValueType.BINXML, new byte[0], template, List.of(values));
    }
  }

  /** Writes one chunk: records appended from offset 512, templates defined on first use. */
  static final class Chunk {
    private final byte[] b = new byte[ChunkHeader.CHUNK_SIZE];
    private final List<Integer> definedIds = new ArrayList<>();
    private final List<Integer> definedOffsets = new ArrayList<>();
    private int pos = ChunkHeader.SIZE;
    private long firstId = -1;
    private long lastId = -1;
    private int lastRecord;

    /** Appends a record instantiating {@code template} with {@code values}; returns its offset. */
    int record(long id, long filetime, TemplateSpec template, Val... values) {
      int start = pos;
      putInt(b, pos, 0x00002A2A);
      pos += 8;
      putLong(b, pos, id);
      putLong(b, pos + 8, filetime);
      pos += 16;
      fragmentHeader();
      instance(template, List.of(values));
      b[pos++] = 0x00; // end of fragment
      int size = pos + 4 - start;
      putInt(b, start + 4, size);
      putInt(b, pos, size);
      pos += 4;
      lastRecord = start;
      firstId = firstId < 0 ? id : firstId;
      lastId = id;
      return start;
    }

    /** Appends raw bytes (to plant junk or a hand-made record); returns their offset. */
    int raw(byte[] bytes) {
      int start = pos;
      System.arraycopy(bytes, 0, b, pos, bytes.length);
      pos += bytes.length;
      return start;
    }

    /** The offset where the next record would go (the free space offset). */
    int position() {
      return pos;
    }

    /** The chunk with its header and both checksums. */
    byte[] build() {
      return build(pos);
    }

    /** The chunk, claiming {@code freeSpace} as the end of its records. */
    byte[] build(int freeSpace) {
      byte[] chunk = b.clone();
      put(chunk, 0, "ElfChnk\0".getBytes(StandardCharsets.US_ASCII));
      putLong(chunk, 8, Math.max(firstId, 0));
      putLong(chunk, 16, Math.max(lastId, 0));
      putLong(chunk, 24, Math.max(firstId, 0));
      putLong(chunk, 32, Math.max(lastId, 0));
      putInt(chunk, 40, 128);
      putInt(chunk, 44, lastRecord);
      putInt(chunk, 48, freeSpace);
      CRC32 crc = new CRC32();
      crc.update(chunk, ChunkHeader.SIZE, freeSpace - ChunkHeader.SIZE);
      putInt(chunk, 52, (int) crc.getValue());
      crc.reset();
      crc.update(chunk, 0, 120);
      crc.update(chunk, 128, ChunkHeader.SIZE - 128);
      putInt(chunk, 124, (int) crc.getValue());
      return chunk;
    }

    private void fragmentHeader() {
      b[pos++] = 0x0F;
      b[pos++] = 0x01;
      b[pos++] = 0x01;
      b[pos++] = 0x00;
    }

    private void instance(TemplateSpec template, List<Val> values) {
      b[pos++] = 0x0C;
      b[pos++] = 0x01;
      putInt(b, pos, template.id());
      pos += 4;
      int known = definedIds.indexOf(template.id());
      if (known >= 0) {
        putInt(b, pos, definedOffsets.get(known));
        pos += 4;
      } else {
        int definition = pos + 4;
        putInt(b, pos, definition);
        pos = definition;
        definedIds.add(template.id());
        definedOffsets.add(definition);
        definition(template);
      }
      putInt(b, pos, values.size());
      pos += 4;
      int descriptors = pos;
      pos += 4 * values.size();
      for (int i = 0; i < values.size(); i++) {
        Val value = values.get(i);
        int start = pos;
        TemplateSpec nested = value.nested();
        if (nested != null) {
          fragmentHeader();
          instance(nested, value.nestedValues());
          b[pos++] = 0x00;
        } else {
          System.arraycopy(value.bytes(), 0, b, pos, value.bytes().length);
          pos += value.bytes().length;
        }
        putShort(b, descriptors + 4 * i, pos - start);
        b[descriptors + 4 * i + 2] = (byte) value.type();
      }
    }

    private void definition(TemplateSpec template) {
      int start = pos;
      putInt(b, pos, 0); // next template in the hash bucket
      putInt(b, pos + 4, template.id());
      for (int i = 8; i < 20; i++) {
        b[pos + i] = (byte) (template.id() * 31 + i);
      }
      pos += 24;
      fragmentHeader();
      element(template.root());
      b[pos++] = 0x00;
      putInt(b, start + 20, pos - start - 24);
    }

    private void element(Element element) {
      int start = pos;
      b[pos++] = (byte) (element.attributes().isEmpty() ? 0x01 : 0x41);
      putShort(b, pos, 0xFFFF); // dependency identifier
      pos += 6; // and the data size, filled in below
      name(element.name());
      if (!element.attributes().isEmpty()) {
        int listStart = pos;
        pos += 4;
        for (int i = 0; i < element.attributes().size(); i++) {
          Attr attribute = element.attributes().get(i);
          b[pos++] = (byte) (i + 1 < element.attributes().size() ? 0x46 : 0x06);
          name(attribute.name());
          for (Spec part : attribute.value()) {
            leaf(part);
          }
        }
        putInt(b, listStart, pos - listStart - 4);
      }
      if (element.children().isEmpty()) {
        b[pos++] = 0x03;
      } else {
        b[pos++] = 0x02;
        for (Spec child : element.children()) {
          if (child instanceof Element nested) {
            element(nested);
          } else {
            leaf(child);
          }
        }
        b[pos++] = 0x04;
      }
      putInt(b, start + 3, pos - start - 7);
    }

    private void leaf(Spec spec) {
      if (spec instanceof Text text) {
        b[pos++] = 0x05;
        b[pos++] = 0x01;
        utf16Counted(text.text());
      } else if (spec instanceof Sub sub) {
        b[pos++] = (byte) (sub.optional() ? 0x0E : 0x0D);
        putShort(b, pos, sub.index());
        b[pos + 2] = (byte) sub.type();
        pos += 3;
      } else if (spec instanceof CharRef ref) {
        b[pos++] = 0x08;
        putShort(b, pos, ref.code());
        pos += 2;
      } else if (spec instanceof EntityRef ref) {
        b[pos++] = 0x09;
        name(ref.name());
      } else if (spec instanceof CData cdata) {
        b[pos++] = 0x07;
        utf16Counted(cdata.text());
      }
    }

    /** A name reference pointing right after itself, then the name structure inline. */
    private void name(String name) {
      putInt(b, pos, pos + 4);
      pos += 4;
      int hash = 0;
      for (int i = 0; i < name.length(); i++) {
        hash = hash * 65599 + name.charAt(i);
      }
      putInt(b, pos, 0);
      putShort(b, pos + 4, hash);
      putShort(b, pos + 6, name.length());
      pos += 8;
      byte[] chars = name.getBytes(StandardCharsets.UTF_16LE);
      System.arraycopy(chars, 0, b, pos, chars.length);
      pos += chars.length + 2;
    }

    private void utf16Counted(String text) {
      putShort(b, pos, text.length());
      pos += 2;
      byte[] chars = text.getBytes(StandardCharsets.UTF_16LE);
      System.arraycopy(chars, 0, b, pos, chars.length);
      pos += chars.length;
    }
  }

  static byte[] guidBytes(String text) {
    String hex = text.replace("-", "").replace("{", "").replace("}", "");
    byte[] raw = new byte[16];
    for (int i = 0; i < 16; i++) {
      raw[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    byte[] out = raw.clone();
    int[] order = {3, 2, 1, 0, 5, 4, 7, 6};
    for (int i = 0; i < 8; i++) {
      out[i] = raw[order[i]];
    }
    return out;
  }

  static byte[] le(long v, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) (v >>> (8 * i));
    }
    return out;
  }

  static void put(byte[] b, int off, byte[] bytes) {
    System.arraycopy(bytes, 0, b, off, bytes.length);
  }

  static void putShort(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >> 8);
  }

  static void putInt(byte[] b, int off, int v) {
    put(b, off, le(v, 4));
  }

  static void putLong(byte[] b, int off, long v) {
    put(b, off, le(v, 8));
  }

  /** A copy with {@code length} bytes from {@code off} set to {@code value}. */
  static byte[] fill(byte[] bytes, int off, int length, int value) {
    byte[] copy = bytes.clone();
    Arrays.fill(copy, off, off + length, (byte) value);
    return copy;
  }
}
