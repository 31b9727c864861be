package com.drivecare.contact;

import com.drivecare.customer.Channel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * SMS through an HTTP gateway: {@code POST gatewayUrl} with {@code {to, text, reference}} and a bearer
 * token, over one pooled keep-alive HTTP/1.1 client with connect and request timeouts (the dispatcher
 * calls it from several senders at once). The reference is derived from the outbox row and is the same
 * on every send, so a gateway can drop a repeat after a crash. 429 and 502–504 mean "slow down": the
 * message waits ({@code Retry-After} when given) without using up an attempt; any other non-2xx answer
 * is a failed attempt. With the transport {@code log}, SMS only go to the log.
 */
@Component
class SmsSender implements ChannelSender {

  private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

  private final NotificationProperties properties;
  private final ObjectMapper json;
  private final HttpClient http;

  SmsSender(NotificationProperties properties, ObjectMapper json) {
    this.properties = properties;
    this.json = json;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(properties.sms().connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String deliver(OutboxMessage message) throws Exception {
    NotificationProperties.Sms sms = properties.sms();
    if (!"http".equals(sms.transport())) {
      LOG.info("SMS to {}: {}", message.recipient(), message.body());
      return null;
    }
    if (sms.gatewayUrl() == null || sms.gatewayUrl().isBlank()) {
      throw new IllegalStateException("drivecare.notifications.sms.gateway-url is not set");
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sms.gatewayUrl()))
        .timeout(sms.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(
            Map.of("to", message.recipient(), "text", message.body(), "reference", message.deliveryId()))));
    if (sms.gatewayToken() != null && !sms.gatewayToken().isBlank()) {
      request.header("Authorization", "Bearer " + sms.gatewayToken());
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    int status = response.statusCode();
    if (status / 100 == 2) {
      return null;
    }
    String answer = "SMS gateway answered " + status + ": " + abbreviate(response.body());
    if (status == 429 || status == 502 || status == 503 || status == 504) {
      throw new ThrottledException(answer, retryAfter(response).orElse(null));
    }
    throw new IllegalStateException(answer);
  }

  private static Optional<Duration> retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After").flatMap(value -> {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
      } catch (NumberFormatException e) {
        return Optional.empty(); // an HTTP date: the channel's own backoff serves
      }
    });
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }
}
