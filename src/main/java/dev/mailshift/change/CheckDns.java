package dev.mailshift.change;

import java.util.Objects;

/**
 * The dns-validate step: check SPF, DKIM and DMARC on what the zone serves, and that every
 * authoritative server serves the managed RRsets as the plan wants them. Changes nothing.
 */
public record CheckDns(String zone) implements Change {
  public CheckDns {
    Objects.requireNonNull(zone, "zone");
  }

  @Override
  public String account() {
    return "dns:" + zone;
  }

  @Override
  public String id() {
    return "dns-validate:" + zone;
  }

  @Override
  public String summary() {
    return "check SPF, DKIM, DMARC and every authoritative server of " + zone;
  }

  @Override
  public Reversibility reversibility() {
    return Reversibility.NOT_NEEDED;
  }
}
