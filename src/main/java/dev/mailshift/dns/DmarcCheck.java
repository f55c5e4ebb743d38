package dev.mailshift.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a DMARC policy record (RFC 7489 section 6.3): exactly one {@code v=DMARC1} record,
 * {@code v} first, {@code p} present, and each known tag with a valid value.
 */
final class DmarcCheck {
  private static final String CHECK = "dmarc";
  private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");
  private static final Set<String> KNOWN =
      Set.of("v", "p", "sp", "adkim", "aspf", "pct", "rua", "ruf", "fo", "rf", "ri", "np");

  /**
   * @param name the record name ({@code _dmarc.domain.})
   * @param txtValues every TXT value there (strings concatenated)
   */
  List<CheckFinding> check(String name, List<String> txtValues) {
    List<String> dmarc = txtValues.stream()
        .filter(v -> v.strip().toLowerCase(Locale.ROOT).startsWith("v=dmarc1")).toList();
    Optional<CheckFinding> wrongCount = count(name, txtValues, dmarc);
    if (wrongCount.isPresent()) {
      return List.of(wrongCount.get());
    }
    Map<String, String> tags;
    try {
      tags = TagList.parse(dmarc.get(0));
    } catch (IllegalArgumentException e) {
      return List.of(CheckFinding.error(CHECK, name, "DMARC syntax: " + e.getMessage(),
          "write it as v=DMARC1; p=quarantine; rua=mailto:..."));
    }
    List<CheckFinding> out = new ArrayList<>();
    if (!tags.keySet().iterator().next().equals("v") || !"DMARC1".equals(tags.get("v"))) {
      out.add(CheckFinding.error(CHECK, name, "v=DMARC1 must be the first tag",
          "start the record with v=DMARC1;"));
    }
    if (!tags.containsKey("p")) {
      out.add(CheckFinding.error(CHECK, name, "p= (the policy) is missing; it is required"
          + " (RFC 7489 section 6.3)", "add p=none, p=quarantine or p=reject"));
    }
    tags.forEach((tag, value) -> tag(name, tag, value, out));
    if (out.stream().noneMatch(CheckFinding::isError)) {
      out.add("none".equals(tags.get("p"))
          ? CheckFinding.warning(CHECK, name, "p=none only monitors; spoofed mail is delivered",
              "move to p=quarantine once reports show your mail passes")
          : CheckFinding.pass(CHECK, name, "policy p=" + tags.get("p")));
    }
    return out;
  }

  /** An error unless exactly one record starts with {@code v=DMARC1}. */
  private static Optional<CheckFinding> count(String name, List<String> txtValues,
      List<String> dmarc) {
    if (dmarc.isEmpty() && txtValues.stream()
        .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("v=dmarc1"))) {
      return Optional.of(CheckFinding.error(CHECK, name, "v=DMARC1 must be the first tag;"
          + " receivers ignore a record that does not start with it (RFC 7489 section 6.6.3)",
          "start the record with v=DMARC1;"));
    }
    if (dmarc.size() != 1) {
      return Optional.of(CheckFinding.error(CHECK, name, dmarc.isEmpty()
          ? "no DMARC record (v=DMARC1) at " + name
          : dmarc.size() + " DMARC records at " + name + "; receivers then apply none"
              + " (RFC 7489 section 6.6.3)",
          dmarc.isEmpty() ? "add dns.records.dmarc, e.g. \"v=DMARC1; p=none;"
              + " rua=mailto:dmarc@<domain>\"" : "keep exactly one v=DMARC1 record"));
    }
    return Optional.empty();
  }

  private static void tag(String name, String tag, String value, List<CheckFinding> out) {
    String v = value.toLowerCase(Locale.ROOT);
    String problem = switch (tag) {
      case "p", "sp", "np" -> POLICIES.contains(v) ? null : "must be none, quarantine or reject";
      case "adkim", "aspf" -> v.equals("r") || v.equals("s") ? null : "must be r or s";
      case "pct" -> v.matches("\\d{1,3}") && Integer.parseInt(v) <= 100 ? null
          : "must be a whole number from 0 to 100";
      case "ri" -> v.matches("\\d{1,10}") && Long.parseLong(v) <= 0xFFFFFFFFL ? null
          : "must be a number of seconds";
      case "fo" -> v.matches("[01ds](:[01ds])*") ? null : "must be 0, 1, d or s, joined by ':'";
      case "rf" -> v.matches("afrf(:afrf)*") ? null : "must be afrf";
      case "rua", "ruf" -> uris(value);
      default -> null;
    };
    if (problem != null) {
      out.add(CheckFinding.error(CHECK, name, tag + "=" + value + ": " + problem,
          "correct the " + tag + "= tag (RFC 7489 section 6.3)"));
    } else if (!KNOWN.contains(tag)) {
      out.add(CheckFinding.warning(CHECK, name, "unknown tag " + tag + "= is ignored by receivers",
          "remove it or check its spelling"));
    }
  }

  private static String uris(String value) {
    for (String uri : value.split(",")) {
      String u = uri.strip();
      if (!u.toLowerCase(Locale.ROOT).startsWith("mailto:") || !u.contains("@")) {
        return "'" + u + "' is not a mailto: address";
      }
    }
    return null;
  }
}
