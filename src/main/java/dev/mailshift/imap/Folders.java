package dev.mailshift.imap;

import java.util.Locale;

/** CREATE and SUBSCRIBE. */
final class Folders {
  private Folders() {}

  /**
   * CREATE; a folder that exists already counts as created ([ALREADYEXISTS], RFC 5530), so a
   * re-run is safe. Servers create missing parent levels themselves (RFC 3501 6.3.3).
   */
  static void create(Wire wire, String folder) {
    try {
      wire.call(Op.CREATE, folder,
          p -> wire.simple(p, Op.CREATE, folder, "CREATE", Wording.mailbox(folder)));
    } catch (ImapException e) {
      String text = e.serverText().toUpperCase(Locale.ROOT);
      if (!text.contains("[ALREADYEXISTS]") && !text.contains("ALREADY EXISTS")) {
        throw e;
      }
    }
  }

  static void subscribe(Wire wire, String folder) {
    wire.call(Op.SUBSCRIBE, folder,
        p -> wire.simple(p, Op.SUBSCRIBE, folder, "SUBSCRIBE", Wording.mailbox(folder)));
  }
}
