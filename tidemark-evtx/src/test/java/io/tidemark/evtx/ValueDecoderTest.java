package io.tidemark.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValueDecoderTest {

  private static Value decode(int type, byte... bytes) {
    return ValueDecoder.decode(bytes, 0, bytes.length, type);
  }

  private static Value decode(int type, int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    return decode(type, raw);
  }

  private static byte[] le(long v, int n) {
    return EvtxBuilder.le(v, n);
  }

  @Test
  void decode_signedIntegers_renderSigned() {
    assertThat(decode(ValueType.INT8, (byte) 0xFF).fieldText()).isEqualTo("-1");
    assertThat(decode(ValueType.INT16, le(-2, 2)).fieldText()).isEqualTo("-2");
    assertThat(decode(ValueType.INT32, le(-3, 4)).fieldText()).isEqualTo("-3");
    assertThat(decode(ValueType.INT64, le(-4, 8)).fieldText()).isEqualTo("-4");
  }

  @Test
  void decode_unsignedIntegers_renderUnsigned() {
    assertThat(decode(ValueType.UINT8, (byte) 0xFF).fieldText()).isEqualTo("255");
    assertThat(decode(ValueType.UINT16, le(0xFFFF, 2)).fieldText()).isEqualTo("65535");
    assertThat(decode(ValueType.UINT32, le(0xFFFF_FFFFL, 4)).fieldText())
        .isEqualTo("4294967295");
    assertThat(decode(ValueType.UINT64, le(-1, 8)).fieldText())
        .isEqualTo("18446744073709551615");
  }

  @Test
  void decode_hexIntegers_lowerCaseWithoutPaddingAsWindowsAndEvtxDump() {
    assertThat(decode(ValueType.HEX_INT32, le(0x3E7, 4)).fieldText()).isEqualTo("0x3e7");
    assertThat(decode(ValueType.HEX_INT64, le(0x8020000000000000L, 8)).xmlText())
        .isEqualTo("0x8020000000000000");
    assertThat(decode(ValueType.HEX_INT64, le(0, 8)).fieldText()).isEqualTo("0x0");
  }

  @Test
  void decode_sizeT_rendersAsHexOfEitherWidth() {
    assertThat(decode(ValueType.SIZE_T, le(0x1000, 4)).fieldText()).isEqualTo("0x1000");
    assertThat(decode(ValueType.SIZE_T, le(0x7FF6_0000_0000L, 8)).fieldText())
        .isEqualTo("0x7ff600000000");
  }

  @Test
  void decode_guid_fieldWithoutBracesXmlWithBraces() {
    Value guid = decode(ValueType.GUID,
        EvtxBuilder.guidBytes("5770385F-C22A-43E0-BF4C-06F5698FFBD9"));

    assertThat(guid.fieldText()).isEqualTo("5770385F-C22A-43E0-BF4C-06F5698FFBD9");
    assertThat(guid.xmlText()).isEqualTo("{5770385F-C22A-43E0-BF4C-06F5698FFBD9}");
  }

  @Test
  void decode_sid_rendersTheStringForm() {
    byte[] sid = EvtxBuilder.Val.sid("S-1-5-21-2555720767-1205513275-3893774561-1001").bytes();

    assertThat(decode(ValueType.SID, sid).fieldText())
        .isEqualTo("S-1-5-21-2555720767-1205513275-3893774561-1001");
    assertThat(decode(ValueType.SID, EvtxBuilder.Val.sid("S-1-5-18").bytes()).xmlText())
        .isEqualTo("S-1-5-18");
  }

  @Test
  void decode_sidWhoseCountDisagreesWithItsSize_keepsTheBytesAsHex() {
    Value sid = decode(ValueType.SID, (byte) 1, (byte) 5, (byte) 0, (byte) 0, (byte) 0,
        (byte) 0, (byte) 0, (byte) 5);

    assertThat(sid.raw).isTrue();
    assertThat(sid.fieldText()).isEqualTo("0105000000000005");
  }

  @Test
  void decode_filetime_microsecondsInFieldsEveryTickInXml() {
    Value time = decode(ValueType.FILETIME, le(EvtxFixtures.TIME, 8));

    assertThat(time.fieldText()).isEqualTo("2021-03-03T01:12:09.394725Z");
    assertThat(time.xmlText()).isEqualTo("2021-03-03T01:12:09.3947251Z");
    assertThat(time.instant()).isEqualTo(Instant.parse("2021-03-03T01:12:09.3947251Z"));
  }

  @Test
  void decode_filetimeExtremes_stayWithinTheirRange() {
    assertThat(decode(ValueType.FILETIME, le(0, 8)).xmlText())
        .isEqualTo("1601-01-01T00:00:00.0000000Z");
    // The largest unsigned FILETIME: Instant prints its five-digit year with a '+'.
    assertThat("+" + decode(ValueType.FILETIME, le(-1, 8)).xmlText())
        .isEqualTo(Times.fromFiletime(-1).toString().replace("500Z", "5Z"));
  }

  @Test
  void decode_systemtime_validAndInvalid() {
    byte[] valid = new byte[16];
    int[] parts = {2019, 5, 3, 16, 14, 13, 26, 819};
    for (int i = 0; i < 8; i++) {
      EvtxBuilder.putShort(valid, 2 * i, parts[i]);
    }
    byte[] invalid = valid.clone();
    EvtxBuilder.putShort(invalid, 2, 13);

    assertThat(decode(ValueType.SYSTEMTIME, valid).fieldText())
        .isEqualTo("2019-05-16T14:13:26.819000Z");
    assertThat(decode(ValueType.SYSTEMTIME, valid).xmlText())
        .isEqualTo("2019-05-16T14:13:26.819Z");
    assertThat(decode(ValueType.SYSTEMTIME, invalid).raw).isTrue();
  }

  @Test
  void decode_boolBinaryAndReals() {
    assertThat(decode(ValueType.BOOL, le(2, 4)).fieldText()).isEqualTo("true");
    assertThat(decode(ValueType.BOOL, le(0, 4)).xmlText()).isEqualTo("false");
    assertThat(decode(ValueType.BINARY, (byte) 0xD9, (byte) 0x06, 0, 0).fieldText())
        .isEqualTo("D9060000");
    assertThat(decode(ValueType.REAL32, le(Float.floatToIntBits(1.5f), 4)).fieldText())
        .isEqualTo("1.5");
    assertThat(decode(ValueType.REAL64, le(Double.doubleToLongBits(0.1), 8)).fieldText())
        .isEqualTo("0.1");
    assertThat(decode(ValueType.REAL64, le(Double.doubleToLongBits(-2.0), 8)).fieldText())
        .isEqualTo("-2");
  }

  @Test
  void decode_strings_trailingNulsDroppedUnpairedSurrogatesReplaced() {
    byte[] withNul = "cmd.exe\0\0".getBytes(StandardCharsets.UTF_16LE);
    byte[] lone = {0x41, 0, 0x00, (byte) 0xD8, 0x42, 0};

    assertThat(decode(ValueType.STRING, withNul).fieldText()).isEqualTo("cmd.exe");
    assertThat(decode(ValueType.STRING, lone).fieldText()).isEqualTo("A\uFFFDB");
    assertThat(decode(ValueType.STRING, "Ⅻ 😀".getBytes(StandardCharsets.UTF_16LE))
        .fieldText()).isEqualTo("Ⅻ 😀");
  }

  @Test
  void decode_ansiString_readsWindows1252() {
    assertThat(decode(ValueType.ANSI_STRING, (byte) 'c', (byte) 0xE9, (byte) 0x80, (byte) 0)
        .fieldText()).isEqualTo("cé€");
  }

  @Test
  void decode_arrays_itemsKeptApart() {
    Value strings = decode(ValueType.STRING | ValueType.ARRAY,
        "sa\0\0 [CLIENT: 10.0.2.17]\0".getBytes(StandardCharsets.UTF_16LE));
    Value numbers = decode(ValueType.UINT16 | ValueType.ARRAY, 1, 0, 2, 0, 3, 0);

    assertThat(strings.items()).extracting(Value::fieldText)
        .containsExactly("sa", "", " [CLIENT: 10.0.2.17]");
    assertThat(numbers.items()).extracting(Value::fieldText).containsExactly("1", "2", "3");
    assertThat(numbers.fieldText()).isEqualTo("1,2,3");
  }

  @Test
  void decode_fixedSizeTypeWithWrongSize_keepsTheBytesAsHex() {
    Value value = decode(ValueType.INT32, (byte) 0xAB, (byte) 0xCD);

    assertThat(value.raw).isTrue();
    assertThat(value.fieldText()).isEqualTo("ABCD");
    assertThat(decode(ValueType.UINT16 | ValueType.ARRAY, 1, 2, 3).raw).isTrue();
  }

  @Test
  void decode_unknownType_rendersHexAndNamesTheType() {
    Value value = decode(0x3F, (byte) 1, (byte) 2);

    assertThat(value.fieldText()).isEqualTo("0102");
    assertThat(ValueType.name(0x3F)).isEqualTo("type 0x3f");
    assertThat(ValueType.name(0x81)).isEqualTo("Array of String");
  }

  @Test
  void isEmpty_nullAndEmptyStringOnly() {
    assertThat(Value.NULL.isEmpty()).isTrue();
    assertThat(decode(ValueType.STRING).isEmpty()).isTrue();
    assertThat(decode(ValueType.UINT8, (byte) 0).isEmpty()).isFalse();
  }
}
