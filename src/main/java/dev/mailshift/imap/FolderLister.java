package dev.mailshift.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.angus.mail.iap.ParsingException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.imap.protocol.IMAPResponse;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/**
 * LIST with subscription state. With LIST-EXTENDED (RFC 5258) one command returns both, plus
 * SPECIAL-USE attributes (RFC 6154 section 3) when offered, and, when asked, a second one the
 * subscriptions to folders that do not exist; otherwise LIST then LSUB, where
 * XLIST (the pre-RFC 6154 Gmail command) replaces LIST when the server offers XLIST but not
 * SPECIAL-USE, for its special-folder attributes. Names are decoded from modified UTF-7 by {@link
 * ListInfo}.
 */
final class FolderLister {
  private static final String SUBSCRIBED = "\\Subscribed";

  private FolderLister() {}

  static List<FolderInfo> list(Wire wire, ServerInfo info, boolean missingSubscriptions) {
    return wire.call(Op.LIST, "", p -> info.has("LIST-EXTENDED")
        ? extended(wire, p, info.has("SPECIAL-USE"), missingSubscriptions)
        : listAndLsub(wire, p, info.has("XLIST") && !info.has("SPECIAL-USE")));
  }

  private static List<FolderInfo> extended(Wire wire, IMAPProtocol p, boolean specialUse,
      boolean missingSubscriptions) throws IOException, ProtocolException {
    String options = specialUse ? "(SUBSCRIBED SPECIAL-USE)" : "(SUBSCRIBED)";
    List<FolderInfo> out = new ArrayList<>();
    wire.run(p, Op.LIST, "", "LIST \"\" \"*\" RETURN " + options, null, r -> {
      ListInfo li = parse(wire, r, "LIST");
      if (li != null) {
        Set<String> attrs = attributes(li);
        boolean subscribed = attrs.removeIf(SUBSCRIBED::equalsIgnoreCase);
        out.add(new FolderInfo(li.name, li.separator, attrs, subscribed));
      }
    });
    if (!missingSubscriptions) {
      return out;
    }
    // RETURN (SUBSCRIBED) marks the subscribed among the folders that exist only; the SUBSCRIBED
    // selection option lists every subscription, those to folders that do not exist marked
    // \NonExistent (RFC 5258 3.1, 3.4). Anything it adds is one of those.
    Set<String> listed = new HashSet<>();
    out.forEach(f -> listed.add(f.name()));
    wire.run(p, Op.LIST, "", "LIST (SUBSCRIBED) \"\" \"*\"", null, r -> {
      ListInfo li = parse(wire, r, "LIST");
      if (li != null && !listed.contains(li.name)) {
        Set<String> attrs = attributes(li);
        attrs.removeIf(SUBSCRIBED::equalsIgnoreCase);
        attrs.add("\\NonExistent");
        out.add(new FolderInfo(li.name, li.separator, attrs, true));
      }
    });
    return out;
  }

  private static List<FolderInfo> listAndLsub(Wire wire, IMAPProtocol p, boolean xlist)
      throws IOException, ProtocolException {
    Map<String, ListInfo> listed = new LinkedHashMap<>();
    String command = xlist ? "XLIST" : "LIST";
    wire.run(p, Op.LIST, "", command + " \"\" \"*\"", null, r -> {
      ListInfo li = parse(wire, r, command);
      if (li != null) {
        if (xlist) {
          XlistAttributes.standardise(li);
        }
        listed.put(li.name, li);
      }
    });
    Map<String, ListInfo> subscribed = new LinkedHashMap<>();
    wire.run(p, Op.LIST, "", "LSUB \"\" \"*\"", null, r -> {
      ListInfo li = parse(wire, r, "LSUB");
      if (li != null) {
        subscribed.put(li.name, li);
      }
    });
    List<FolderInfo> out = new ArrayList<>();
    listed.forEach((name, li) ->
        out.add(new FolderInfo(name, li.separator, attributes(li), subscribed.containsKey(name))));
    // Subscribed but not listed: a subscription to a folder that does not exist (RFC 5258 3.4
    // reports those as \NonExistent; do the same here).
    subscribed.forEach((name, li) -> {
      if (!listed.containsKey(name)) {
        out.add(new FolderInfo(name, li.separator, Set.of("\\NonExistent"), true));
      }
    });
    return out;
  }

  private static Set<String> attributes(ListInfo li) {
    Set<String> attrs = new LinkedHashSet<>();
    if (li.attrs != null) {
      attrs.addAll(List.of(li.attrs));
    }
    return attrs;
  }

  private static ListInfo parse(Wire wire, Response r, String key) {
    if (!(r instanceof IMAPResponse ir) || !ir.keyEquals(key)) {
      return null;
    }
    try {
      return new ListInfo(ir);
    } catch (ParsingException e) {
      throw new ImapException(ImapException.Kind.PROTOCOL,
          "unreadable " + key + " answer from " + wire.failures().where() + ": " + r);
    }
  }
}
