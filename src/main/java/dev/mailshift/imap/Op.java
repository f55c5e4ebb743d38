package dev.mailshift.imap;

/**
 * The IMAP operations the adapter performs, named as in failure messages. {@link #mutating()}
 * tells whether a NO answer means the server refused a change (REJECTED) rather than a read going
 * wrong (PROTOCOL).
 */
enum Op {
  CONNECT("connect"),
  LOGIN("login"),
  CAPABILITY("capability"),
  NAMESPACE("namespace"),
  LIST("list folders"),
  STATUS("status"),
  EXAMINE("examine"),
  SELECT("select"),
  FETCH("fetch"),
  SEARCH("search"),
  APPEND("append"),
  CREATE("create folder"),
  SUBSCRIBE("subscribe"),
  STORE("store flags"),
  EXPUNGE("expunge");

  private final String label;

  Op(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  boolean mutating() {
    return this == APPEND || this == CREATE || this == SUBSCRIBE || this == STORE
        || this == EXPUNGE;
  }
}
