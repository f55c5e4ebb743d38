package dev.mailshift.api;

import dev.mailshift.imap.FolderInfo;
import java.util.List;
import java.util.Set;

/**
 * The folders of a real mailbox, for showing what an example plan's folder rules do (the
 * folders are empty: only the folder map matters here). The source is a German-localized
 * Exchange/Outlook-style mailbox without SPECIAL-USE attributes, or for a Gmail source Gmail's
 * own folders with their attributes and two user labels; the destination is a Dovecot-style
 * server with SPECIAL-USE attributes on English names. Separator {@code /}, no namespace prefix.
 */
final class TypicalMailbox {
  private TypicalMailbox() {}

  /** A German Outlook user's mailbox, with an archive tree, a calendar and a shared folder. */
  static final List<FolderInfo> SOURCE = List.of(
      folder("INBOX"), folder("Sent Items"), folder("Deleted Items"), folder("Entwürfe"),
      folder("Junk"), folder("Archiv"), folder("Archiv/2019"), folder("Kalender"),
      folder("Public/Team"), folder("Projects/Alpha"));

  /** Gmail: the [Gmail] folders with their RFC 6154 attributes, and user labels. */
  static final List<FolderInfo> GMAIL_SOURCE = List.of(
      folder("INBOX"), new FolderInfo("[Gmail]", '/', Set.of("\\Noselect"), false),
      folder("[Gmail]/All Mail", "\\All"), folder("[Gmail]/Drafts", "\\Drafts"),
      folder("[Gmail]/Important", "\\Important"), folder("[Gmail]/Sent Mail", "\\Sent"),
      folder("[Gmail]/Spam", "\\Junk"), folder("[Gmail]/Starred", "\\Flagged"),
      folder("[Gmail]/Trash", "\\Trash"), folder("Gesendet"), folder("Work/Clients"));

  /** A fresh Dovecot mailbox with SPECIAL-USE folders on English names. */
  static final List<FolderInfo> DESTINATION = List.of(
      folder("INBOX"), folder("Sent", "\\Sent"), folder("Drafts", "\\Drafts"),
      folder("Trash", "\\Trash"), folder("Junk", "\\Junk"), folder("Archive", "\\Archive"));

  private static FolderInfo folder(String name, String... attributes) {
    return new FolderInfo(name, '/', Set.of(attributes), true);
  }
}
