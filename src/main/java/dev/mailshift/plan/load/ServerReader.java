package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import dev.mailshift.plan.Server;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Reads one entry of {@code servers:} into a {@link Server}. */
final class ServerReader {
  static final List<String> KEYS = List.of("imap", "ca-file", "insecure", "plaintext", "limits");
  static final List<String> LIMIT_KEYS =
      List.of("connections", "bytes-per-second", "messages-per-second", "timeout", "retries");

  private static final String URL_FIX =
      "write imaps://host (TLS, port 993) or imap://host (STARTTLS, port 143), optionally with"
          + " :port";

  private final ReadContext ctx;

  ServerReader(ReadContext ctx) {
    this.ctx = ctx;
  }

  /**
   * The server, or a placeholder carrying its name when its URL is unusable (the problem is
   * reported), so that accounts naming it are not reported a second time.
   */
  Optional<Server> read(String name, Node node) {
    String path = "servers." + name;
    Optional<YamlMap> found = YamlMap.read(node, path, KEYS, ctx);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = found.get();
    boolean plaintext = map.bool("plaintext").orElse(Defaults.PLAINTEXT);
    Endpoint endpoint =
        map.requiredString("imap", "add imap: \"imaps://imap.example.org\"")
            .flatMap(url -> endpoint(url, map.valueLocation("imap"), path))
            .orElse(Endpoint.PLACEHOLDER);
    Server.Tls tls = endpoint.tls;
    if (plaintext && tls == Server.Tls.IMPLICIT) {
      ctx.error(map.valueLocation("plaintext"), path + ": plaintext: true contradicts imaps://",
          "remove plaintext (imaps:// is always encrypted), or use imap:// if the server offers"
              + " no TLS at all");
    } else if (plaintext) {
      tls = Server.Tls.NONE;
    }
    Optional<Path> caFile = map.nonEmpty("ca-file").flatMap(f -> caFile(f, map));
    boolean insecure = map.bool("insecure").orElse(Defaults.INSECURE);
    Server.Limits limits =
        map.map("limits", LIMIT_KEYS).map(this::limits).orElse(Defaults.LIMITS);
    return Optional.of(new Server(name, endpoint.host, endpoint.port, tls, caFile, insecure,
        limits, map.location()));
  }

  private Optional<Path> caFile(String file, YamlMap map) {
    Path path = ctx.resolve(file);
    if (!Files.isReadable(path) || Files.isDirectory(path)) {
      ctx.error(map.valueLocation("ca-file"), map.path("ca-file") + ": no readable file "
          + path, "give the path of a PEM file, relative to the plan's directory");
      return Optional.empty();
    }
    return Optional.of(path);
  }

  private Server.Limits limits(YamlMap map) {
    Server.Limits d = Defaults.LIMITS;
    return new Server.Limits(
        map.integer("connections", 1, 1000).map(Long::intValue).orElse(d.connections()),
        map.size("bytes-per-second").orElse(d.bytesPerSecond()),
        map.integer("messages-per-second", 0, 1_000_000).map(Long::intValue)
            .orElse(d.messagesPerSecond()),
        map.duration("timeout", Duration.ofSeconds(1)).orElse(d.timeout()),
        map.integer("retries", 0, 100).map(Long::intValue).orElse(d.retries()));
  }

  /** Never echoes the URL: someone may have written user:password@ into it. */
  private Optional<Endpoint> endpoint(String url, Location where, String path) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      ctx.error(where, path + ".imap is not a URL (" + e.getReason() + ")", URL_FIX);
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("imaps") && !scheme.equals("imap")) {
      ctx.error(where, path + ".imap must start with imaps:// or imap://", URL_FIX);
      return Optional.empty();
    }
    if (uri.getRawUserInfo() != null) {
      ctx.error(where, path + ".imap contains a login or password",
          "remove 'user@' from the URL; logins go in accounts, passwords in secret references");
      return Optional.empty();
    }
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()
        || uri.getRawPath().equals("/")) && uri.getRawQuery() == null
        && uri.getRawFragment() == null;
    if (uri.getHost() == null || !bare) {
      ctx.error(where, path + ".imap must be just a host and an optional port", URL_FIX);
      return Optional.empty();
    }
    boolean implicit = scheme.equals("imaps");
    int port = uri.getPort() == -1 ? (implicit ? Defaults.IMAPS_PORT : Defaults.IMAP_PORT)
        : uri.getPort();
    if (port < 1 || port > 65535) {
      ctx.error(where, path + ".imap has port " + port + ", outside 1..65535", URL_FIX);
      return Optional.empty();
    }
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1,
        uri.getHost().length() - 1) : uri.getHost();
    return Optional.of(new Endpoint(host, port,
        implicit ? Server.Tls.IMPLICIT : Server.Tls.STARTTLS));
  }

  private record Endpoint(String host, int port, Server.Tls tls) {
    static final Endpoint PLACEHOLDER = new Endpoint("invalid.invalid", 993, Server.Tls.IMPLICIT);
  }
}
