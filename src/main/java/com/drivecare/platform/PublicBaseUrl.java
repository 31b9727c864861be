package com.drivecare.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Where customers reach this application: the start of every link in a notification. It is
 * {@code drivecare.public-base-url} when set (production: the address behind the load balancer);
 * when it is not, it follows the address and port the web server actually listens on, learnt when
 * the server has started — so a link in the outbox opens on whatever port this instance runs.
 */
@Component
public class PublicBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

  private final String configured;
  private final String address;
  private final boolean ssl;
  private final int configuredPort;
  private volatile String listening;

  PublicBaseUrl(@Value("${drivecare.public-base-url:}") String configured, @Value("${server.address:}") String address,
      @Value("${server.ssl.enabled:false}") boolean ssl, @Value("${server.port:8080}") int configuredPort) {
    this.configured = stripSlash(configured == null ? "" : configured.trim());
    this.address = address == null ? "" : address.trim();
    this.ssl = ssl;
    this.configuredPort = configuredPort;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    // the management server (when it has a port of its own) is not where customers go
    if (event.getApplicationContext().getServerNamespace() == null) {
      listening = base(event.getWebServer().getPort());
    }
  }

  /** The base, without a trailing slash, e.g. {@code https://care.example.com} or {@code http://localhost:8120}. */
  public String get() {
    if (!configured.isEmpty()) {
      return configured;
    }
    String actual = listening;
    return actual != null ? actual : base(configuredPort > 0 ? configuredPort : 8080);
  }

  private String base(int port) {
    return (ssl ? "https" : "http") + "://" + host() + ":" + port;
  }

  /** The configured listening address; a wildcard or none means this machine, named {@code localhost}. */
  private String host() {
    if (address.isEmpty()) {
      return "localhost";
    }
    try {
      InetAddress bound = InetAddress.getByName(address);
      if (bound.isAnyLocalAddress() || bound.isLoopbackAddress()) {
        return "localhost";
      }
      return bound instanceof Inet6Address ? "[" + bound.getHostAddress() + "]" : address;
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
