package dev.mailshift.imap;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;
import org.eclipse.angus.mail.imap.protocol.Namespaces;

/** Learns what a server offers right after login: capabilities, namespace, APPENDLIMIT. */
final class ServerProbe {
  private ServerProbe() {}

  static ServerInfo probe(Wire wire) {
    return wire.call(Op.NAMESPACE, "", p -> {
      Set<String> caps = new TreeSet<>();
      p.getCapabilities().keySet().forEach(c -> caps.add(c.toUpperCase(Locale.ROOT)));
      String[] prefix = {""};
      char[] separator = {'/'};
      if (caps.contains("NAMESPACE")) {
        // RFC 2342: the first personal namespace is where the user's folders live.
        wire.run(p, Op.NAMESPACE, "", "NAMESPACE", null, r -> {
          if (r instanceof IMAPResponse ir && ir.keyEquals("NAMESPACE")) {
            try {
              Namespaces ns = new Namespaces(r);
              if (ns.personal != null && ns.personal.length > 0) {
                prefix[0] = ns.personal[0].prefix;
                separator[0] = ns.personal[0].delimiter;
              }
            } catch (org.eclipse.angus.mail.iap.ProtocolException e) {
              throw new ImapException(ImapException.Kind.PROTOCOL,
                  "unreadable NAMESPACE answer from " + wire.failures().where() + ": " + r);
            }
          }
        });
      } else {
        // Without NAMESPACE, LIST "" "" returns the hierarchy separator (RFC 3501 6.3.8).
        wire.run(p, Op.NAMESPACE, "", "LIST \"\" \"\"", null, r -> {
          if (r instanceof IMAPResponse ir && ir.keyEquals("LIST")) {
            try {
              separator[0] = new ListInfo(ir).separator;
            } catch (org.eclipse.angus.mail.iap.ParsingException e) {
              throw new ImapException(ImapException.Kind.PROTOCOL,
                  "unreadable LIST answer from " + wire.failures().where() + ": " + r);
            }
          }
        });
      }
      return new ServerInfo(caps, prefix[0], separator[0], appendLimit(caps));
    });
  }

  /** RFC 7889: "APPENDLIMIT=n" in CAPABILITY; a bare APPENDLIMIT means "per mailbox". */
  static OptionalLong appendLimit(Set<String> caps) {
    for (String c : caps) {
      if (c.startsWith("APPENDLIMIT=")) {
        try {
          return OptionalLong.of(Long.parseLong(c.substring("APPENDLIMIT=".length())));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
