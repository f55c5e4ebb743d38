package dev.mailshift.imap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Socket factories that switch Nagle's algorithm off. Angus writes an APPEND as the command line
 * with the literal's length (flushed), then the literal: two small writes before a read, which
 * Nagle plus the server's delayed ACK can stall for 40-200 ms per message on a real network.
 */
final class NoDelaySockets {
  private NoDelaySockets() {}

  static SocketFactory plain() {
    return new SocketFactory() {
      @Override
      public Socket createSocket() throws IOException {
        return noDelay(new Socket());
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return noDelay(new Socket(host, port, local, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return noDelay(new Socket(host, port, local, localPort));
      }
    };
  }

  /** TLS over the JDK's trust store. */
  static SSLSocketFactory tls() {
    return tls((SSLSocketFactory) SSLSocketFactory.getDefault());
  }

  /** Trusts every certificate: only for a plan's explicit {@code insecure: true}. */
  static SSLSocketFactory trustAll() {
    TrustManager all = new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, new TrustManager[] {all}, null);
      return tls(ctx.getSocketFactory());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no TLS in this JDK", e);
    }
  }

  static SSLSocketFactory tls(SSLSocketFactory inner) {
    return new SSLSocketFactory() {
      @Override
      public String[] getDefaultCipherSuites() {
        return inner.getDefaultCipherSuites();
      }

      @Override
      public String[] getSupportedCipherSuites() {
        return inner.getSupportedCipherSuites();
      }

      @Override
      public Socket createSocket() throws IOException {
        return noDelay(inner.createSocket());
      }

      @Override
      public Socket createSocket(Socket s, String host, int port, boolean autoClose)
          throws IOException {
        return noDelay(inner.createSocket(noDelay(s), host, port, autoClose));
      }

      @Override
      public Socket createSocket(Socket s, InputStream consumed, boolean autoClose)
          throws IOException {
        return noDelay(inner.createSocket(noDelay(s), consumed, autoClose));
      }

      @Override
      public Socket createSocket(String host, int port) throws IOException {
        return noDelay(inner.createSocket(host, port));
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress local, int localPort)
          throws IOException {
        return noDelay(inner.createSocket(host, port, local, localPort));
      }

      @Override
      public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(inner.createSocket(host, port));
      }

      @Override
      public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
          throws IOException {
        return noDelay(inner.createSocket(host, port, local, localPort));
      }
    };
  }

  private static Socket noDelay(Socket s) throws IOException {
    s.setTcpNoDelay(true);
    return s;
  }
}
