/**
 * The DNS engine: observe the zone's managed RRsets on every authoritative server, diff them
 * against the desired state, apply changes through a provider (RFC 2136 + TSIG, zone file,
 * manual) with compare-and-swap prerequisites, keep rollback records, gate the MX switch on
 * served TTLs, verify propagation, generate DKIM keys and check SPF/DKIM/DMARC/MX/SRV records.
 *
 * <p>API: {@code DnsEngine} (the facade the apply layer wires) and the public types it hands out:
 * {@code DnsSection}/{@code DnsTargets}/{@code DnsProviderConfig} (the plan's {@code dns:}
 * section), {@code DesiredRrsets}, {@code DnsObserver}, {@code DnsDiff}/{@code DnsChange}, {@code
 * DnsProvider} and its three implementations, {@code RollbackRecord}/{@code DnsRollback}, {@code
 * TtlLowering}/{@code TtlGate}, {@code PropagationCheck}, {@code MailAuthChecks}, {@code DkimKeys}
 * and {@code SafetyPolicy}. Package-private classes are internal, no compatibility guarantee.
 *
 * <p>Never uses dnsjava's static {@code Lookup} (its shared cache keeps answering "not found"
 * after a record is created): authoritative servers are queried one by one with a {@code
 * SimpleResolver} and recursion off; a {@code LookupSession} with an explicit resolver serves only
 * the lookups that want recursion (NS discovery, SPF includes, MX/SRV targets).
 */
package dev.mailshift.dns;
