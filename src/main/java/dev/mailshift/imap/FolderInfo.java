package dev.mailshift.imap;

import java.util.Set;

/**
 * One folder from LIST. {@code name} is the full server name decoded from modified UTF-7 (RFC 3501
 * 5.1.3), with the server's own separator and namespace prefix still in it.
 *
 * @param attributes LIST attributes as sent, e.g. {@code \Noselect}, {@code \HasChildren}, and
 *     SPECIAL-USE ones ({@code \Sent}, {@code \Trash}...) when the server reports them
 */
public record FolderInfo(String name, char separator, Set<String> attributes, boolean subscribed) {
  public FolderInfo {
    attributes = Set.copyOf(attributes);
  }

  public boolean selectable() {
    return attributes.stream().noneMatch(a -> a.equalsIgnoreCase("\\Noselect")
        || a.equalsIgnoreCase("\\NonExistent"));
  }
}
