package dev.mailshift.testsupport;

import java.util.Random;

/**
 * Random folder names for property tests: drawn from pools of characters that have broken IMAP
 * clients and migrations (the modified UTF-7 shift characters, separators, Latin letters with
 * diacritics, combining marks, right-to-left text, CJK, joiners, emoji as surrogate pairs).
 */
public final class UnicodeNames {
  private static final int[][] POOLS = {
      range(0x20, 0x7e),                          // printable ASCII, incl. & / . - " \ % *
      {'&', '&', '-', '/', '.', ' ', '~', '+', ','},  // the characters the encoding itself uses
      range(0xa0, 0x17f),                         // Latin-1 and Latin Extended-A
      range(0x300, 0x36f),                        // combining diacritical marks
      range(0x5d0, 0x5ea),                        // Hebrew (right-to-left)
      range(0x4e00, 0x4e80),                      // CJK
      {0x200d, 0xfe0f, 0x200b, 0xfeff},           // joiners, variation selector, zero width
      range(0x1f600, 0x1f64f),                    // emoji: surrogate pairs in UTF-16
      range(0x1f300, 0x1f3ff),
      {0x10348, 0x1d11e, 0x2070e},                // other supplementary planes
  };

  private UnicodeNames() {}

  /** A name of 1 to 24 code points. */
  public static String random(Random random) {
    int length = 1 + random.nextInt(24);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int[] pool = POOLS[random.nextInt(POOLS.length)];
      b.appendCodePoint(pool[random.nextInt(pool.length)]);
    }
    return b.toString();
  }

  private static int[] range(int from, int to) {
    int[] out = new int[to - from + 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = from + i;
    }
    return out;
  }
}
