package dev.mailshift.imap;

import java.util.Locale;

/** CREATE (with a SPECIAL-USE attribute where offered) and SUBSCRIBE. */
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
      if (!alreadyExists(e)) {
        throw e;
      }
    }
  }

  /**
   * {@code CREATE name (USE (\Sent))} (RFC 6154 section 3) when the server offers
   * CREATE-SPECIAL-USE, else a plain CREATE. A server that will not give this folder the
   * attribute answers NO [USEATTR] (RFC 6154 section 3); then the folder is created without it.
   *
   * @return whether the folder now exists created with the attribute (false: plain CREATE, or it
   *     existed already)
   */
  static boolean createSpecialUse(Wire wire, ServerInfo info, String folder, String attribute) {
    if (!attribute.startsWith("\\") || !Wording.isFlag(attribute)) {
      throw new IllegalArgumentException("not a SPECIAL-USE attribute: \"" + attribute + "\"");
    }
    if (!info.has("CREATE-SPECIAL-USE")) {
      create(wire, folder);
      return false;
    }
    try {
      wire.call(Op.CREATE, folder, p -> wire.simple(p, Op.CREATE, folder, "CREATE",
          Wording.mailbox(folder).writeAtom("(USE (" + attribute + "))")));
      return true;
    } catch (ImapException e) {
      if (alreadyExists(e)) {
        return false;
      }
      if (!e.serverText().toUpperCase(Locale.ROOT).contains("[USEATTR]")) {
        throw e;
      }
    }
    create(wire, folder);
    return false;
  }

  private static boolean alreadyExists(ImapException e) {
    String text = e.serverText().toUpperCase(Locale.ROOT);
    return text.contains("[ALREADYEXISTS]") || text.contains("ALREADY EXISTS");
  }

  static void subscribe(Wire wire, String folder) {
    wire.call(Op.SUBSCRIBE, folder,
        p -> wire.simple(p, Op.SUBSCRIBE, folder, "SUBSCRIBE", Wording.mailbox(folder)));
  }
}
