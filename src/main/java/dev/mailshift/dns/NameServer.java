package dev.mailshift.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * One authoritative server to query directly: the name it is known by (the NS target, or the
 * override text) and the address and port to send to.
 */
public record NameServer(String name, InetSocketAddress address) {
  public static final int DNS_PORT = 53;

  public NameServer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    if (address.isUnresolved()) {
      throw new IllegalArgumentException("name server address not resolved: " + address);
    }
  }

  /**
   * Parses an override entry {@code host[:port]} ({@code [v6]:port} for IPv6). An IP literal is
   * used as is; a host name is resolved once here through the JVM resolver.
   */
  public static NameServer parse(String hostPort) {
    String text = hostPort.strip();
    String host = text;
    int port = DNS_PORT;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in name server '" + hostPort + "'");
      }
      host = text.substring(1, close);
      if (text.length() > close + 1) {
        port = port(text.substring(close + 1), hostPort);
      }
    } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
      host = text.substring(0, text.indexOf(':'));
      port = port(text.substring(text.indexOf(':')), hostPort);
    }
    try {
      InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(host), port);
      // An IP literal is named by its address, so labels read "192.0.2.53:53", not twice.
      String name = IpLiteral.parse(host).isPresent() ? addressText(address) : text;
      return new NameServer(name, address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "cannot resolve name server '" + host + "' (from '" + hostPort + "')", e);
    }
  }

  private static int port(String colonPort, String whole) {
    try {
      int port = Integer.parseInt(colonPort.substring(1));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid port in name server '" + whole + "'", e);
    }
  }

  /** {@code name (address:port)} for messages. */
  public String label() {
    String addr = addressText(address);
    return name.equals(addr) ? addr : name + " (" + addr + ")";
  }

  private static String addressText(InetSocketAddress address) {
    String host = address.getAddress().getHostAddress();
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
