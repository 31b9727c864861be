package com.drivecare.contact;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * SMS through an HTTP gateway: {@code POST gatewayUrl} with {@code {to, text, reference}} and a bearer
 * token; any non-2xx answer is a failed attempt. The reference (the idempotency key) lets gateways
 * that support it drop a repeat. With the transport {@code log}, SMS only go to the log.
 */
@Component
class SmsSender implements ChannelSender {

  private static final Logger LOG = LoggerFactory.getLogger(SmsSender.class);

  private final NotificationProperties properties;
  private final RestClient restClient;

  SmsSender(NotificationProperties properties, RestClient.Builder builder) {
    this.properties = properties;
    this.restClient = builder.build();
  }

  @Override
  public Channel channel() {
    return Channel.SMS;
  }

  @Override
  public String deliver(OutboxMessage message) {
    NotificationProperties.Sms sms = properties.sms();
    if (!"http".equals(sms.transport())) {
      LOG.info("SMS to {}: {}", message.recipient(), message.body());
      return null;
    }
    if (sms.gatewayUrl() == null || sms.gatewayUrl().isBlank()) {
      throw new IllegalStateException("drivecare.notifications.sms.gateway-url is not set");
    }
    restClient.post().uri(sms.gatewayUrl())
        .contentType(MediaType.APPLICATION_JSON)
        .headers(h -> {
          if (sms.gatewayToken() != null && !sms.gatewayToken().isBlank()) {
            h.setBearerAuth(sms.gatewayToken());
          }
        })
        .body(Map.of("to", message.recipient(), "text", message.body(), "reference", message.idempotencyKey()))
        .retrieve()
        .toBodilessEntity();
    return null;
  }
}
