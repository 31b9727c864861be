package com.drivecare;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser logged in to Tasklist: its API ({@code /camunda/api/engine/engine/default}) called with the
 * session cookie and CSRF token, and the media types, that Tasklist itself uses.
 */
public final class TasklistQueries {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient browser;
  private final String base;
  private final String csrf;

  private TasklistQueries(HttpClient browser, String base, String csrf) {
    this.browser = browser;
    this.base = base;
    this.csrf = csrf;
  }

  public static TasklistQueries login(int port, String user, String password) {
    try {
      CookieManager cookies = new CookieManager();
      HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
      String root = "http://localhost:" + port;
      browser.send(HttpRequest.newBuilder(URI.create(root + "/camunda/app/tasklist/")).build(),
          HttpResponse.BodyHandlers.discarding());
      String csrf = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
      var login = browser.send(HttpRequest.newBuilder(URI.create(root + "/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build(),
          HttpResponse.BodyHandlers.discarding());
      if (login.statusCode() != 200) {
        throw new IllegalStateException("Tasklist login of " + user + ": " + login.statusCode());
      }
      // the session is new after login, and so is its CSRF token: Tasklist reads it from its next answer
      String engine = root + "/camunda/api/engine/engine/default";
      var first = browser.send(HttpRequest.newBuilder(URI.create(engine + "/filter")).build(),
          HttpResponse.BodyHandlers.discarding());
      return new TasklistQueries(browser, engine, first.headers().firstValue("X-XSRF-TOKEN").orElse(csrf));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** GET below the engine API, e.g. {@code /task/count?candidateUser=rita}. */
  public Api.Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json"));
  }

  /** POST a JSON query, accepting hal+json as Tasklist does for task lists. */
  public Api.Response post(String path, Object body) {
    try {
      return send(HttpRequest.newBuilder(URI.create(base + path))
          .header("Content-Type", "application/json").header("Accept", "application/hal+json, application/json;q=0.9")
          .header("X-XSRF-TOKEN", csrf).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Api.Response send(HttpRequest.Builder request) {
    try {
      var response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
