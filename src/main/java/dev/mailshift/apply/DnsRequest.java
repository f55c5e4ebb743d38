package dev.mailshift.apply;

import dev.mailshift.dns.DkimKeyPair;
import dev.mailshift.dns.TtlLowering;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the DNS steps of an apply need besides the change set: the connected zone, the DKIM key
 * values and generated key pairs, the TTL lowerings earlier runs recorded, the largest TTL each
 * RRset had before mailshift changed it (journalled), and whether risky changes were confirmed
 * ({@code --confirm}, or an approved phase with an approval gate).
 *
 * @param replacedTtls per RRset ({@code name type}), the largest TTL a journalled change of
 *     mailshift replaced: a lowering interrupted before it was recorded still makes the switch
 *     wait that long
 */
public record DnsRequest(
    DnsZone zone,
    Map<String, String> dkimValues,
    Map<String, DkimKeyPair> generatedKeys,
    List<TtlLowering> lowerings,
    Map<String, Long> replacedTtls,
    boolean confirmed) {
  public DnsRequest {
    Objects.requireNonNull(zone, "zone");
    dkimValues = Map.copyOf(dkimValues);
    generatedKeys = Map.copyOf(generatedKeys);
    lowerings = List.copyOf(lowerings);
    replacedTtls = Map.copyOf(replacedTtls);
  }
}
