/**
 * The plan's {@code dns:} section as records: zone, TTLs, servers, provider, the desired mail
 * records, outgoing hosts and safety thresholds. Pure data with JDK-only validation (names are
 * checked and normalised here without dnsjava), so the plan language stays free of the DNS
 * library; {@code dev.mailshift.dns} turns these records into RRsets and changes. API.
 */
package dev.mailshift.plan.dns;
