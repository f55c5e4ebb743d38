package dev.mailshift.dns;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Resolver;

/** Sends one message to one server and maps transport failures to {@link DnsTimeoutException}. */
final class ServerExchange {
  private ServerExchange() {}

  static Message send(
      Resolver resolver, Message message, NameServer server, RrsetKey key, Duration timeout)
      throws DnsTimeoutException {
    String what = server.label() + " for " + key;
    try {
      // The resolver enforces the timeout itself; the extra second only guards against a future
      // that never completes.
      return resolver
          .sendAsync(message)
          .toCompletableFuture()
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DnsTimeoutException(
          "interrupted while waiting for " + what, server.label(), key, e);
    } catch (TimeoutException e) {
      throw timeout(what, server, key, timeout, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof IOException && !(cause.getMessage() + "").contains("imed out")) {
        throw new DnsTimeoutException(
            "cannot reach " + what + ": " + cause.getMessage()
                + ". Check that the server runs and the address and port are right.",
            server.label(), key, cause);
      }
      throw timeout(what, server, key, timeout, cause);
    }
  }

  private static DnsTimeoutException timeout(
      String what, NameServer server, RrsetKey key, Duration timeout, Throwable cause) {
    return new DnsTimeoutException(
        "no answer from " + what + " within " + timeout.toSeconds() + "s. Check that the server"
            + " runs, that a firewall lets DNS through, or raise the timeout.",
        server.label(), key, cause);
  }
}
