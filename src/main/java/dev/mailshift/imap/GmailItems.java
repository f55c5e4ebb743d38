package dev.mailshift.imap;

import jakarta.mail.FetchProfile;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.util.Properties;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxDecoder;
import org.eclipse.angus.mail.imap.protocol.FetchItem;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;
import org.eclipse.angus.mail.util.MailLogger;

/**
 * Teaches Angus's FETCH parser Gmail's X-GM-MSGID and X-GM-LABELS items (Gmail IMAP
 * extensions, advertised as X-GM-EXT-1). Angus fails a FETCH response with an item it does not
 * know, and the item list is fixed per protocol object; so every connection uses this store,
 * whose protocol knows the two items. Other servers never send them: nothing changes there.
 */
final class GmailItems {
  static final String MSGID = "X-GM-MSGID";
  static final String LABELS = "X-GM-LABELS";

  private static final FetchItem[] ITEMS = {
      new FetchItem(MSGID, new Item(MSGID)) {
        @Override
        public Object parseItem(FetchResponse r) {
          return r.readLong();
        }
      },
      new FetchItem(LABELS, new Item(LABELS)) {
        @Override
        public Object parseItem(FetchResponse r) {
          return labels(r);
        }
      }
  };

  private GmailItems() {}

  /**
   * {@code (\Inbox \Important Work "Old Stuff")}: Gmail writes system labels as bare atoms
   * with a backslash, which Angus's astring list reader cannot read (it stops at the backslash
   * without moving on); user labels are astrings in modified UTF-7, like mailbox names.
   */
  static String[] labels(FetchResponse r) {
    java.util.List<String> out = new java.util.ArrayList<>();
    r.skipSpaces();
    if (r.readByte() != '(') {
      r.skip(-1);
      return new String[0];
    }
    while (true) {
      r.skipSpaces();
      byte b = r.readByte();
      if (b == ')' || b == 0) {
        break;
      }
      String label;
      if (b == '\\') {
        label = "\\" + r.readAtom();
      } else {
        r.skip(-1);
        label = r.readAtomString();
        if (label == null || label.isEmpty()) {
          break; // nothing readable: stop rather than loop on the same byte
        }
        label = BASE64MailboxDecoder.decode(label);
      }
      out.add(label);
    }
    return out.toArray(String[]::new);
  }

  /** A FetchProfile item name (its constructor is protected). */
  private static final class Item extends FetchProfile.Item {
    Item(String name) {
      super(name);
    }
  }

  /** The store for "imap" and "imaps": Angus's own, with the protocol below. */
  public static final class Store extends IMAPStore {
    public Store(Session session, URLName url) {
      super(session, url, url.getProtocol(), "imaps".equals(url.getProtocol()));
    }

    @Override
    protected IMAPProtocol newIMAPProtocol(String host, int port)
        throws IOException, ProtocolException {
      return new Protocol(name, host, port, session.getProperties(), isSSL, logger);
    }
  }

  /** Angus's protocol with the two Gmail items added to FETCH parsing. */
  static final class Protocol extends IMAPProtocol {
    Protocol(String name, String host, int port, Properties props, boolean isSSL,
        MailLogger logger) throws IOException, ProtocolException {
      super(name, host, port, props, isSSL, logger);
    }

    @Override
    public FetchItem[] getFetchItems() {
      return ITEMS.clone();
    }
  }
}
