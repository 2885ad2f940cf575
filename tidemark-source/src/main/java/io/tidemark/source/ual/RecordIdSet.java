package io.tidemark.source.ual;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jspecify.annotations.Nullable;

/**
 * A set of Unified Audit Log record Ids, 128 bits each: a GUID as its two longs, any other Id
 * as its MD5 (the digest name-based UUIDs use). About 21 bytes per Id at the usual load, where a
 * set of strings costs well over 100: a tenant's export holds millions of records. Not
 * thread-safe.
 */
public final class RecordIdSet {
  private static final int MIN_CAPACITY = 64;
  /** Slots, two longs each; (0, 0) marks an empty slot, the all-zero Id is kept aside. */
  private long[] slots = new long[2 * MIN_CAPACITY];
  private int size;
  private boolean hasZero;

  /**
   * The 128 bits of an Id into {@code out[0]} and {@code out[1]}: a GUID as written (any case,
   * with or without braces), anything else hashed.
   *
   * @return false for a missing or blank Id, which cannot be told apart from another
   */
  public static boolean bits(@Nullable String id, long[] out) {
    if (id == null) {
      return false;
    }
    String v = id.strip();
    if (v.length() == 38 && v.charAt(0) == '{' && v.charAt(37) == '}') {
      v = v.substring(1, 37);
    }
    if (v.isEmpty()) {
      return false;
    }
    if (v.length() == 36 && guid(v, out)) {
      return true;
    }
    byte[] digest = md5().digest(v.getBytes(StandardCharsets.UTF_8));
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (digest[i] & 0xFF);
      lo = (lo << 8) | (digest[i + 8] & 0xFF);
    }
    out[0] = hi;
    out[1] = lo;
    return true;
  }

  /** Adds an Id; false when it was already there. */
  public boolean add(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      boolean added = !hasZero;
      hasZero = true;
      return added;
    }
    if ((size + 1) * 4L > (slots.length / 2) * 3L) {
      resize();
    }
    int slot = find(slots, hi, lo);
    if (slots[slot] != 0 || slots[slot + 1] != 0) {
      return false;
    }
    slots[slot] = hi;
    slots[slot + 1] = lo;
    size++;
    return true;
  }

  public boolean contains(long hi, long lo) {
    if (hi == 0 && lo == 0) {
      return hasZero;
    }
    int slot = find(slots, hi, lo);
    return slots[slot] != 0 || slots[slot + 1] != 0;
  }

  public int size() {
    return size + (hasZero ? 1 : 0);
  }

  /** The slot holding the Id, or the empty slot where it belongs (linear probing). */
  private static int find(long[] table, long hi, long lo) {
    int mask = table.length / 2 - 1;
    int i = (int) mix(hi ^ Long.rotateLeft(lo, 32)) & mask;
    while (true) {
      int slot = 2 * i;
      long h = table[slot];
      long l = table[slot + 1];
      if ((h == 0 && l == 0) || (h == hi && l == lo)) {
        return slot;
      }
      i = (i + 1) & mask;
    }
  }

  private void resize() {
    long[] old = slots;
    long[] table = new long[old.length * 2];
    for (int slot = 0; slot < old.length; slot += 2) {
      if (old[slot] != 0 || old[slot + 1] != 0) {
        int to = find(table, old[slot], old[slot + 1]);
        table[to] = old[slot];
        table[to + 1] = old[slot + 1];
      }
    }
    slots = table;
  }

  /** MurmurHash3's 64-bit finaliser: GUIDs of other versions are not uniform in every bit. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private static boolean guid(String v, long[] out) {
    long hi = 0;
    long lo = 0;
    int digits = 0;
    for (int i = 0; i < 36; i++) {
      char c = v.charAt(i);
      if (i == 8 || i == 13 || i == 18 || i == 23) {
        if (c != '-') {
          return false;
        }
        continue;
      }
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
          : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
      if (d < 0) {
        return false;
      }
      if (digits < 16) {
        hi = (hi << 4) | d;
      } else {
        lo = (lo << 4) | d;
      }
      digits++;
    }
    out[0] = hi;
    out[1] = lo;
    return true;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has MD5", e);
    }
  }
}
