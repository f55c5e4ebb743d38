package dev.mailshift.imap;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;

/** UID SEARCH on the selected folder with criteria passed through as written. */
final class UidSearch {
  private UidSearch() {}

  /**
   * The UIDs the server returns for {@code UID SEARCH criteria} (RFC 3501 6.4.4). The criteria
   * go on the wire as they are, so they must be printable ASCII (strings with other characters
   * would need CHARSET and literals).
   */
  static Set<Long> search(Wire wire, String folder, String criteria) {
    if (criteria.isBlank() || !criteria.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "search criteria must be non-empty printable ASCII: \"" + criteria + "\"");
    }
    Set<Long> out = new HashSet<>();
    wire.call(Op.SEARCH, folder, p -> wire.run(p, Op.SEARCH, folder, "UID SEARCH " + criteria,
        null, r -> {
          // "* SEARCH 2 84 882" (RFC 3501 7.2.5); several SEARCH responses add up.
          if (r instanceof IMAPResponse ir && ir.keyEquals("SEARCH")) {
            for (long uid = ir.readLong(); uid != -1; uid = ir.readLong()) {
              out.add(uid);
            }
          }
        }));
    return out;
  }
}
