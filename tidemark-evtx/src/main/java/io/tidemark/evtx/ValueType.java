package io.tidemark.evtx;

import java.util.Locale;

/**
 * The Binary XML value types ([MS-EVEN6] 2.2.18). A code is a byte from the file, so any value
 * may turn up; unknown ones are rendered as hex. The array flag 0x80 combines with a base type.
 */
final class ValueType {
  static final int NULL = 0x00;
  static final int STRING = 0x01;
  static final int ANSI_STRING = 0x02;
  static final int INT8 = 0x03;
  static final int UINT8 = 0x04;
  static final int INT16 = 0x05;
  static final int UINT16 = 0x06;
  static final int INT32 = 0x07;
  static final int UINT32 = 0x08;
  static final int INT64 = 0x09;
  static final int UINT64 = 0x0A;
  static final int REAL32 = 0x0B;
  static final int REAL64 = 0x0C;
  static final int BOOL = 0x0D;
  static final int BINARY = 0x0E;
  static final int GUID = 0x0F;
  static final int SIZE_T = 0x10;
  static final int FILETIME = 0x11;
  static final int SYSTEMTIME = 0x12;
  static final int SID = 0x13;
  static final int HEX_INT32 = 0x14;
  static final int HEX_INT64 = 0x15;
  static final int EVT_HANDLE = 0x20;
  static final int BINXML = 0x21;
  static final int EVT_XML = 0x23;
  static final int ARRAY = 0x80;

  private static final String[] NAMES = {
    "Null", "String", "AnsiString", "Int8", "UInt8", "Int16", "UInt16", "Int32", "UInt32",
    "Int64", "UInt64", "Real32", "Real64", "Bool", "Binary", "Guid", "SizeT", "FileTime",
    "SysTime", "Sid", "HexInt32", "HexInt64"
  };

  private ValueType() {}

  /** Whether the code has the array flag. */
  static boolean isArray(int type) {
    return (type & ARRAY) != 0;
  }

  /** The byte size of one item of a fixed-size type, or -1 for variable-size and unknown types. */
  static int fixedSize(int baseType) {
    switch (baseType) {
      case INT8:
      case UINT8:
        return 1;
      case INT16:
      case UINT16:
        return 2;
      case INT32:
      case UINT32:
      case REAL32:
      case BOOL:
      case HEX_INT32:
        return 4;
      case INT64:
      case UINT64:
      case REAL64:
      case FILETIME:
      case HEX_INT64:
        return 8;
      case GUID:
      case SYSTEMTIME:
        return 16;
      default:
        return -1;
    }
  }

  /** A readable name for messages, e.g. {@code Int32} or {@code Array of Guid}. */
  static String name(int type) {
    int base = type & 0x7F;
    String name;
    if (base < NAMES.length) {
      name = NAMES[base];
    } else if (base == EVT_HANDLE) {
      name = "EvtHandle";
    } else if (base == BINXML) {
      name = "BinXml";
    } else if (base == EVT_XML) {
      name = "EvtXml";
    } else {
      name = String.format(Locale.ROOT, "type 0x%02x", base);
    }
    return isArray(type) ? "Array of " + name : name;
  }
}
