package com.drivecare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A tiny HTTP client for API tests: real requests to the running application, answers as JSON. */
public final class Api {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newHttpClient();
  private final String base;
  private final String authorization;

  private Api(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static Api at(int port) {
    return new Api("http://localhost:" + port, null);
  }

  public Api basic(String user, String password) {
    return new Api(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public Api bearer(String token) {
    return new Api(base, "Bearer " + token);
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  public Response post(String path, Object json) {
    return sendJson("POST", path, json);
  }

  public Response put(String path, Object json) {
    return sendJson("PUT", path, json);
  }

  private Response sendJson(String method, String path, Object json) {
    try {
      String body = json instanceof String s ? s : JSON.writeValueAsString(json);
      return send(request(path).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body)));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public Response postCsv(String path, String csv) {
    return send(request(path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv)));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    return builder;
  }

  private Response send(HttpRequest.Builder request) {
    return Response.of(exchange(client, request.build()));
  }

  /** Sends a request and waits for the whole answer; a failure to talk to the server fails the test. */
  public static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Response(int status, String contentType, String body) {

    public static Response of(HttpResponse<String> response) {
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
      }
    }
  }
}
