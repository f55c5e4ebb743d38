package dev.mailshift.imap;

import dev.mailshift.imap.ImapException.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.MailboxInfo;
import org.eclipse.angus.mail.imap.protocol.Status;

/** STATUS (one folder, or all through LIST-STATUS), EXAMINE and SELECT, read into {@link FolderStatus}. */
final class Mailboxes {
  private Mailboxes() {}

  static FolderStatus status(Wire wire, ServerInfo info, String folder) {
    boolean condstore = info.has("CONDSTORE");
    String items = condstore
        ? "(UIDVALIDITY UIDNEXT MESSAGES HIGHESTMODSEQ)"
        : "(UIDVALIDITY UIDNEXT MESSAGES)";
    return wire.call(Op.STATUS, folder, p -> {
      Status[] found = new Status[1];
      Argument args = Wording.mailbox(folder).writeAtom(items);
      wire.run(p, Op.STATUS, folder, "STATUS", args, r -> {
        if (r instanceof IMAPResponse ir && ir.keyEquals("STATUS")) {
          try {
            Status s = new Status(r);
            found[0] = found[0] == null ? s : merge(found[0], s);
          } catch (ParsingException e) {
            throw unreadable(wire, "STATUS", r);
          }
        }
      });
      Status s = found[0];
      // UIDVALIDITY 0 is let through: JakartaImapSession#status resolves it by opening the folder.
      if (s == null || s.uidvalidity < 0 || s.uidnext <= 0) {
        throw unreadable(wire, "STATUS", null);
      }
      OptionalLong modseq = condstore && s.highestmodseq > 0
          ? OptionalLong.of(s.highestmodseq) : OptionalLong.empty();
      return new FolderStatus(s.uidvalidity, s.uidnext, s.total, modseq);
    });
  }

  /**
   * LIST "" "*" RETURN (STATUS (...)) (RFC 5819): one STATUS response per selectable folder, in
   * one round trip. Answers with UIDVALIDITY 0 (see {@link #status}) are left out.
   */
  static Map<String, FolderStatus> listStatus(Wire wire, ServerInfo info) {
    boolean condstore = info.has("CONDSTORE");
    String items = condstore ? "UIDVALIDITY UIDNEXT MESSAGES HIGHESTMODSEQ"
        : "UIDVALIDITY UIDNEXT MESSAGES";
    return wire.call(Op.LIST, "", p -> {
      Map<String, Status> found = new LinkedHashMap<>();
      wire.run(p, Op.LIST, "", "LIST \"\" \"*\" RETURN (STATUS (" + items + "))", null, r -> {
        if (r instanceof IMAPResponse ir && ir.keyEquals("STATUS")) {
          try {
            Status st = new Status(r);
            found.merge(st.mbox, st, Mailboxes::merge);
          } catch (ParsingException e) {
            throw unreadable(wire, "LIST-STATUS", r);
          }
        }
      });
      Map<String, FolderStatus> out = new LinkedHashMap<>();
      found.forEach((name, st) -> {
        if (st.uidvalidity > 0 && st.uidnext > 0 && st.total >= 0) {
          out.put(name, new FolderStatus(st.uidvalidity, st.uidnext, st.total,
              condstore && st.highestmodseq > 0 ? OptionalLong.of(st.highestmodseq)
                  : OptionalLong.empty()));
        }
      });
      return out;
    });
  }

  // Some servers split one STATUS answer over several responses (Angus merges them too).
  private static Status merge(Status a, Status b) {
    Status.add(a, b);
    return a;
  }

  /** EXAMINE ({@code writable} false) or SELECT. */
  static FolderStatus open(Wire wire, ServerInfo info, String folder, boolean writable) {
    Op op = writable ? Op.SELECT : Op.EXAMINE;
    Argument args = Wording.mailbox(folder);
    if (info.has("CONDSTORE")) {
      // RFC 7162 3.1.8: "(CONDSTORE)" enables CONDSTORE without an extra round trip; Dovecot
      // reports HIGHESTMODSEQ only once it is enabled.
      args.writeAtom("(CONDSTORE)");
    }
    return wire.call(op, folder, p -> {
      List<Response> untagged = new ArrayList<>();
      Response ok = wire.run(p, op, folder, writable ? "SELECT" : "EXAMINE", args,
          untagged::add);
      if (writable && ok.toString().toUpperCase(java.util.Locale.ROOT).contains("[READ-ONLY]")) {
        throw new ImapException(Kind.REJECTED, "select \"" + folder + "\" on "
            + wire.failures().where() + " failed: the server opened it read-only",
            ok.toString(), null);
      }
      MailboxInfo mi;
      try {
        mi = new MailboxInfo(untagged.toArray(Response[]::new));
      } catch (ParsingException e) {
        throw unreadable(wire, op.label(), null);
      }
      if (mi.uidvalidity <= 0 || mi.uidnext <= 0) {
        // RFC 3501 6.3.1 requires both; without them UIDs mean nothing.
        throw unreadable(wire, op.label() + " (no UIDVALIDITY/UIDNEXT)", null);
      }
      OptionalLong modseq = mi.highestmodseq > 0
          ? OptionalLong.of(mi.highestmodseq) : OptionalLong.empty();
      Set<String> permanent = writable && mi.permanentFlags != null
          ? Wording.flags(mi.permanentFlags) : Set.of();
      return new FolderStatus(mi.uidvalidity, mi.uidnext, mi.total, modseq, permanent);
    });
  }

  private static ImapException unreadable(Wire wire, String what, Response r) {
    return new ImapException(Kind.PROTOCOL, "unreadable " + what + " answer from "
        + wire.failures().where() + (r == null ? "" : ": " + r));
  }
}
