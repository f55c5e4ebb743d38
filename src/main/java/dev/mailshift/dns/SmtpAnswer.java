package dev.mailshift.dns;

import java.util.Objects;

/** What one address of an MX host did when {@link SmtpProbe} connected to it. */
sealed interface SmtpAnswer {

  /** The last line of the greeting reply; its code is 220 (RFC 5321 section 3.1). */
  record Greeted(String line) implements SmtpAnswer {
    public Greeted {
      Objects.requireNonNull(line, "line");
    }
  }

  /**
   * An SMTP reply other than 220: 554 refuses this client (RFC 5321 section 3.1), 421 is "not
   * available now" (section 4.2.3).
   */
  record Replied(int code, String line) implements SmtpAnswer {
    public Replied {
      Objects.requireNonNull(line, "line");
    }
  }

  /** Something answered that is not an SMTP reply (RFC 5321 section 4.2: three digits first). */
  record NotSmtp(String line) implements SmtpAnswer {
    public NotSmtp {
      Objects.requireNonNull(line, "line");
    }
  }

  /** The connection was taken but no greeting came within the timeout. */
  record Silent() implements SmtpAnswer {}

  /** The connection was refused or timed out: nothing takes mail there. */
  record NoConnection(String reason) implements SmtpAnswer {
    public NoConnection {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** This machine has no route to the address (e.g. no IPv6): the probe cannot tell. */
  record Unreachable(String reason) implements SmtpAnswer {
    public Unreachable {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
