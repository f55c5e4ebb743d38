package dev.mailshift.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Zone files for the BIND integration tests, from the classpath ({@code /dns/*.zone}). */
public final class BindZones {
  public static final String ACME = "acme.test.";

  private BindZones() {}

  /** The acme.test zone: two MX, an SPF and a verification TXT at the apex, an old CNAME. */
  public static BindServer acme() {
    return BindServer.withZone(ACME, resource("/dns/acme.test.zone"));
  }

  public static String resource(String path) {
    try (InputStream in = BindZones.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
