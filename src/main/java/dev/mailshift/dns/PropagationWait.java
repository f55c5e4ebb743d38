package dev.mailshift.dns;

/**
 * Waits until every authoritative server of a zone answers an RRset, or a timeout passes: a
 * {@link PropagationCheck} bound to the zone's servers and timeout (e.g. {@code DnsZone::await}).
 */
@FunctionalInterface
public interface PropagationWait {
  PropagationResult await(RrsetSnapshot expected) throws InterruptedException;
}
