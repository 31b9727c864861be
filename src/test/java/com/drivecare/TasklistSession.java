package com.drivecare;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A user logged in to Tasklist as the browser is: a session cookie, Camunda's CSRF token, and the
 * webapp's own engine API ({@code /camunda/api/engine/engine/default/...}) that Tasklist calls.
 */
public final class TasklistSession {

  public static final String ENGINE = "/camunda/api/engine/engine/default";

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NORMAL).build();
  private final String base;
  private String token;

  private TasklistSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** Logs in through Tasklist's login form; fails the test if the login is refused. */
  public static TasklistSession login(int port, String user, String password) {
    TasklistSession session = new TasklistSession(port);
    session.send(HttpRequest.newBuilder(session.uri("/camunda/app/tasklist/")).GET());
    Api.Response login = session.send(HttpRequest.newBuilder(session.uri("/camunda/api/admin/auth/user/default/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", session.csrf())
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
    if (login.status() != 200) {
      throw new AssertionError("Tasklist login of " + user + " refused: " + login.status() + " " + login.body());
    }
    session.token = null;
    session.send(HttpRequest.newBuilder(session.uri(ENGINE + "/task/count")).header("X-XSRF-TOKEN", "Fetch").GET());
    return session;
  }

  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
  }

  /** A GET as a Tasklist plugin sends it: with the session cookie and its CSRF token. */
  public Api.Response getWithToken(String path) {
    return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").header("X-XSRF-TOKEN", csrf()).GET());
  }

  public Api.Response post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Api.Response put(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Accept", "application/json").header("X-XSRF-TOKEN", csrf())
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** The CSRF token Camunda's filter gave this session last (it changes at login). */
  private String csrf() {
    if (token != null) {
      return token;
    }
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((first, last) -> last)
        .orElseThrow(() -> new AssertionError("No XSRF-TOKEN cookie"));
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private Api.Response send(HttpRequest.Builder request) {
    HttpResponse<String> response = Api.exchange(browser, request.build());
    response.headers().firstValue("X-XSRF-TOKEN").filter(t -> !t.isBlank() && !t.equals("Fetch"))
        .ifPresent(t -> token = t);
    return Api.Response.of(response);
  }
}
