package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.util.Map;

/**
 * A request to tell a customer something.
 *
 * @param template       the template's name in {@code notifications/messages*.properties}
 * @param customerId     who is told
 * @param businessKey    the case it belongs to (its timeline gets the delivery)
 * @param idempotencyKey the same key twice stores the notification once
 * @param channel        a written channel, or null for the customer's preferred one
 * @param caseOwner      user id of the person who owns the case, named in the message; may be null
 * @param variables      further values the template uses
 * @param withAccessLink whether to issue a personal access token and put the self-service link in the message
 */
public record NotificationRequest(String template, long customerId, String businessKey, String idempotencyKey,
    Channel channel, String caseOwner, Map<String, Object> variables, boolean withAccessLink) {

  public NotificationRequest {
    variables = variables == null ? Map.of() : Map.copyOf(variables);
  }
}
