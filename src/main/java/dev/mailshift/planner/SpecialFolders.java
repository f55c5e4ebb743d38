package dev.mailshift.planner;

import dev.mailshift.imap.FolderInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recognises special folders: by their RFC 6154 SPECIAL-USE attribute first, then by the names
 * clients and hosts give them in 16 languages (the data file {@code special-folders.tsv} beside
 * this class, easy to extend), and folders that hold no mail (calendars, contacts...). Names are
 * compared in Unicode NFC, ignoring case.
 */
public final class SpecialFolders {
  /** A special folder's role and its SPECIAL-USE attribute. */
  public enum Role {
    SENT("\\Sent"),
    DRAFTS("\\Drafts"),
    TRASH("\\Trash"),
    JUNK("\\Junk"),
    ARCHIVE("\\Archive"),
    ALL("\\All"),
    FLAGGED("\\Flagged");

    private final String attribute;

    Role(String attribute) {
      this.attribute = attribute;
    }

    public String attribute() {
      return attribute;
    }

    static Optional<Role> ofAttribute(String attribute) {
      return Arrays.stream(values()).filter(r -> r.attribute.equalsIgnoreCase(attribute)).findFirst();
    }
  }

  /** How a role was recognised, for the plan's "why". */
  public record Recognised(Role role, boolean byAttribute, String how) {}

  private static final SpecialFolders DEFAULT = load("special-folders.tsv");
  private static final String GMAIL = "[gmail]/";
  private static final String GOOGLE_MAIL = "[google mail]/";

  private final Map<String, Role> roles;
  private final Map<String, String> languages;
  private final Set<String> nonMail;

  private SpecialFolders(Map<String, Role> roles, Map<String, String> languages, Set<String> nonMail) {
    this.roles = Map.copyOf(roles);
    this.languages = Map.copyOf(languages);
    this.nonMail = Set.copyOf(nonMail);
  }

  public static SpecialFolders standard() {
    return DEFAULT;
  }

  /** The role of a folder whose logical name (prefix removed, "/"-joined) is {@code logical}. */
  public Optional<Recognised> roleOf(FolderInfo folder, String logical) {
    for (String a : folder.attributes()) {
      Optional<Role> r = Role.ofAttribute(a);
      if (r.isPresent()) {
        return Optional.of(new Recognised(r.get(), true, "special-use " + r.get().attribute()));
      }
    }
    for (String key : keys(key(withoutInbox(logical)))) {
      Role byName = roles.get(key);
      if (byName != null) {
        return Optional.of(new Recognised(byName, false,
            "special-use " + byName.attribute() + " by its name (" + languages.get(key) + ")"));
      }
    }
    return Optional.empty();
  }

  /**
   * The spellings to look a name up by: itself, then for Gmail's folders (which Gmail calls
   * "[Gmail]/" or, in Germany and the UK, "[Google Mail]/", in any display language) the other
   * prefix, then the name without the prefix ("[Gmail]/Papierkorb" is the Trash).
   */
  private static List<String> keys(String key) {
    for (String[] pair : new String[][] {{GMAIL, GOOGLE_MAIL}, {GOOGLE_MAIL, GMAIL}}) {
      if (key.startsWith(pair[0]) && key.length() > pair[0].length()) {
        String rest = key.substring(pair[0].length());
        return List.of(key, pair[1] + rest, rest);
      }
    }
    return List.of(key);
  }

  /** Whether the folder is one that holds no mail (calendar, contacts, tasks...). */
  public boolean isNonMail(String logical) {
    return nonMail.contains(key(withoutInbox(logical)));
  }

  /**
   * The folder, itself or the nearest ancestor, that makes this one hold no mail: "Calendar"
   * for "Calendar/Birthdays" (Exchange lists a calendar's sub-calendars as its children).
   */
  public Optional<String> nonMailRoot(String logical) {
    String[] levels = logical.split("/", -1);
    for (int n = 1; n <= levels.length; n++) {
      String head = String.join("/", Arrays.copyOfRange(levels, 0, n));
      if (isNonMail(head)) {
        return Optional.of(head);
      }
    }
    return Optional.empty();
  }

  private static String withoutInbox(String logical) {
    return logical.regionMatches(true, 0, "INBOX/", 0, 6) ? logical.substring(6) : logical;
  }

  static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).strip();
  }

  static SpecialFolders load(String resource) {
    Map<String, Role> roles = new HashMap<>();
    Map<String, String> languages = new HashMap<>();
    Set<String> nonMail = new HashSet<>();
    try (InputStream in = SpecialFolders.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = reader.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 3) {
          throw new IllegalStateException(resource + ":" + n + ": expected role<TAB>language<TAB>name");
        }
        String key = key(f[2]);
        if (f[0].equals("nonmail")) {
          nonMail.add(key);
          continue;
        }
        Role role = Role.valueOf(f[0].toUpperCase(Locale.ROOT));
        Role before = roles.putIfAbsent(key, role);
        if (before != null && before != role) {
          throw new IllegalStateException(resource + ":" + n + ": '" + f[2] + "' is both " + before + " and " + role);
        }
        languages.merge(key, f[1], (a, b) -> a.contains(b) ? a : a + ", " + b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SpecialFolders(roles, languages, nonMail);
  }

  /** How many names the table knows per role (for tests and docs). */
  int size() {
    return roles.size();
  }

  /** The languages the table names a role in (for tests and docs). */
  Set<String> languagesOf(Role role) {
    Set<String> out = new HashSet<>();
    roles.forEach((key, r) -> {
      if (r == role) {
        out.addAll(Arrays.asList(languages.get(key).split(", ")));
      }
    });
    return out;
  }

  Set<String> languages() {
    Set<String> out = new HashSet<>();
    languages.values().forEach(v -> out.addAll(Arrays.asList(v.split(", "))));
    return out;
  }
}
