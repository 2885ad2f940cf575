package io.tidemark.evtx;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes substitution values of every scalar and array type from their bytes. Nested Binary
 * XML (type 0x21) is left to {@link BinXmlParser}. Sizes come from the file and are never
 * trusted: a size that does not fit its type yields a raw value rendered as hex.
 */
final class ValueDecoder {
  // Windows writes ANSI strings in the system code page; evtxexport assumes Windows-1252 too.
  private static final Charset ANSI = Charset.forName("windows-1252");

  private ValueDecoder() {}

  /** The value of {@code type} held in {@code size} bytes at {@code off}. */
  static Value decode(byte[] b, int off, int size, int type) {
    if (type == ValueType.NULL) {
      return Value.NULL;
    }
    if (ValueType.isArray(type)) {
      return array(b, off, size, type);
    }
    switch (type) {
      case ValueType.STRING:
        return Value.ofString(type, Utf16.decodeTrimmingNuls(b, off, size / 2));
      case ValueType.ANSI_STRING:
        return Value.ofString(type, ansi(b, off, size));
      case ValueType.BINARY:
      case ValueType.EVT_HANDLE:
      case ValueType.EVT_XML:
        return new Value(type, 0, Arrays.copyOfRange(b, off, off + size), false);
      case ValueType.SID:
        return sid(b, off, size);
      case ValueType.SIZE_T:
        if (size == 4) {
          return Value.ofBits(type, Bytes.u32(b, off));
        }
        return size == 8 ? Value.ofBits(type, Bytes.i64(b, off)) : raw(b, off, size, type);
      default:
        return fixed(b, off, size, type);
    }
  }

  private static Value fixed(byte[] b, int off, int size, int type) {
    int expected = ValueType.fixedSize(type);
    if (expected < 0 || size != expected) {
      return raw(b, off, size, type);
    }
    switch (type) {
      case ValueType.INT8:
        return Value.ofBits(type, b[off]);
      case ValueType.UINT8:
        return Value.ofBits(type, Bytes.u8(b, off));
      case ValueType.INT16:
        return Value.ofBits(type, (short) Bytes.u16(b, off));
      case ValueType.UINT16:
        return Value.ofBits(type, Bytes.u16(b, off));
      case ValueType.INT32:
      case ValueType.REAL32:
        return Value.ofBits(type, Bytes.i32(b, off));
      case ValueType.UINT32:
      case ValueType.HEX_INT32:
        return Value.ofBits(type, Bytes.u32(b, off));
      case ValueType.BOOL:
        return Value.ofBits(type, Bytes.i32(b, off) != 0 ? 1 : 0);
      case ValueType.GUID:
        return new Value(type, 0, Arrays.copyOfRange(b, off, off + 16), false);
      case ValueType.SYSTEMTIME:
        return systemTime(b, off, type);
      default: // the 8-byte types: Int64, UInt64, Real64, FileTime, HexInt64
        return Value.ofBits(type, Bytes.i64(b, off));
    }
  }

  private static Value raw(byte[] b, int off, int size, int type) {
    return Value.ofRaw(type, Arrays.copyOfRange(b, off, off + size));
  }

  private static String ansi(byte[] b, int off, int size) {
    int n = size;
    while (n > 0 && b[off + n - 1] == 0) {
      n--;
    }
    return new String(b, off, n, ANSI);
  }

  /** Revision, sub-authority count, 48-bit big-endian authority, then 32-bit sub-authorities. */
  private static Value sid(byte[] b, int off, int size) {
    int count = size >= 2 ? Bytes.u8(b, off + 1) : -1;
    if (count < 0 || size != 8 + 4 * count) {
      return raw(b, off, size, ValueType.SID);
    }
    long authority = 0;
    for (int i = 2; i < 8; i++) {
      authority = authority << 8 | Bytes.u8(b, off + i);
    }
    StringBuilder text = new StringBuilder(16 + 11 * count);
    text.append("S-").append(Bytes.u8(b, off)).append('-').append(authority);
    for (int i = 0; i < count; i++) {
      text.append('-').append(Bytes.u32(b, off + 8 + 4 * i));
    }
    return Value.ofString(ValueType.SID, text.toString());
  }

  private static Value systemTime(byte[] b, int off, int type) {
    int[] t = new int[8];
    for (int i = 0; i < 8; i++) {
      t[i] = Bytes.u16(b, off + 2 * i);
    }
    // year, month, day-of-week, day, hour, minute, second, milliseconds
    boolean valid = t[1] >= 1 && t[1] <= 12 && t[3] >= 1 && t[3] <= 31 && t[4] < 24
        && t[5] < 60 && t[6] < 60 && t[7] < 1000;
    return valid ? new Value(type, 0, t, false) : raw(b, off, 16, type);
  }

  private static Value array(byte[] b, int off, int size, int type) {
    int base = type & 0x7F;
    List<Value> items = new ArrayList<>();
    if (base == ValueType.STRING) {
      splitUtf16(b, off, size, items);
    } else if (base == ValueType.ANSI_STRING) {
      splitAnsi(b, off, size, items);
    } else if (base == ValueType.SID) {
      int pos = off;
      while (pos + 8 <= off + size) {
        int itemSize = 8 + 4 * Bytes.u8(b, pos + 1);
        if (pos + itemSize > off + size) {
          return raw(b, off, size, type);
        }
        items.add(sid(b, pos, itemSize));
        pos += itemSize;
      }
    } else {
      int itemSize = base == ValueType.SIZE_T ? (size % 8 == 0 ? 8 : 4)
          : ValueType.fixedSize(base);
      if (itemSize <= 0 || size % itemSize != 0) {
        return raw(b, off, size, type);
      }
      for (int pos = off; pos < off + size; pos += itemSize) {
        items.add(decode(b, pos, itemSize, base));
      }
    }
    return new Value(type, 0, items.toArray(new Value[0]), false);
  }

  /** NUL-terminated UTF-16 strings back to back; a last one without terminator counts too. */
  private static void splitUtf16(byte[] b, int off, int size, List<Value> items) {
    int units = size / 2;
    int start = 0;
    for (int i = 0; i < units; i++) {
      if (b[off + 2 * i] == 0 && b[off + 2 * i + 1] == 0) {
        items.add(Value.ofString(ValueType.STRING, Utf16.decode(b, off + 2 * start, i - start)));
        start = i + 1;
      }
    }
    if (start < units) {
      items.add(Value.ofString(ValueType.STRING, Utf16.decode(b, off + 2 * start, units - start)));
    }
  }

  private static void splitAnsi(byte[] b, int off, int size, List<Value> items) {
    int start = 0;
    for (int i = 0; i < size; i++) {
      if (b[off + i] == 0) {
        items.add(Value.ofString(ValueType.ANSI_STRING, new String(b, off + start, i - start, ANSI)));
        start = i + 1;
      }
    }
    if (start < size) {
      items.add(Value.ofString(ValueType.ANSI_STRING,
          new String(b, off + start, size - start, ANSI)));
    }
  }
}
