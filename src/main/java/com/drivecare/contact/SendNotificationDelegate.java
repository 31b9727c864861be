package com.drivecare.contact;

import com.drivecare.customer.Channel;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${sendNotification}"}: puts a notification into the outbox in the
 * engine's transaction. Reads (as input parameters or process variables):
 * {@code notificationTemplate} (required), {@code notificationChannel}
 * (a written channel; default the customer's preferred), {@code caseOwner} (user id named in the text),
 * {@code withAccessLink} (put the customer's self-service link in the text). Every other simple
 * variable is available to the template as {@code ${name}}. The idempotency key is the activity
 * instance, so a retried job or a replayed step never queues the message twice. Sets
 * {@code notificationId} (null when the customer could not be reached on that channel).
 * Put it behind {@code camunda:asyncBefore} with a retry cycle, like every side effect.
 * <p>
 * The customer is the one the case's record names: a {@link CaseCustomerResolver} of the journey
 * reads him by the business key. Only a process whose business key names no Drivecare record (none
 * of the product's journeys) may name him in the variable {@code customerId}.
 */
@Component("sendNotification")
public class SendNotificationDelegate implements JavaDelegate {

  public static final String VAR_TEMPLATE = "notificationTemplate";
  public static final String VAR_CUSTOMER_ID = "customerId";
  public static final String VAR_CHANNEL = "notificationChannel";
  public static final String VAR_CASE_OWNER = "caseOwner";
  public static final String VAR_WITH_ACCESS_LINK = "withAccessLink";
  public static final String VAR_NOTIFICATION_ID = "notificationId";

  private final NotificationService notifications;
  private final List<CaseCustomerResolver> resolvers;

  SendNotificationDelegate(NotificationService notifications, List<CaseCustomerResolver> resolvers) {
    this.notifications = notifications;
    this.resolvers = resolvers;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = required(execution, VAR_TEMPLATE).toString();
    long customerId = customerId(execution);
    Object channel = execution.getVariable(VAR_CHANNEL);
    Object caseOwner = execution.getVariable(VAR_CASE_OWNER);
    String key = stepKey(execution) + (channel == null ? "" : ":" + channel);
    var request = new NotificationRequest(template, customerId, execution.getProcessBusinessKey(), key,
        channel == null ? null : Channel.valueOf(channel.toString()),
        caseOwner == null ? null : caseOwner.toString(), templateValues(execution),
        Boolean.TRUE.equals(execution.getVariable(VAR_WITH_ACCESS_LINK)));
    execution.setVariable(VAR_NOTIFICATION_ID, notifications.request(request).orElse(null));
  }

  private long customerId(DelegateExecution execution) {
    String processKey = ((ExecutionEntity) execution).getProcessDefinition().getKey();
    String businessKey = execution.getProcessBusinessKey();
    return resolvers.stream().filter(r -> r.handles(processKey)).findFirst()
        .map(r -> r.customerOf(businessKey).orElseThrow(
            () -> new IllegalStateException("No customer on record for " + processKey + " " + businessKey)))
        .orElseGet(() -> ((Number) required(execution, VAR_CUSTOMER_ID)).longValue());
  }

  private static Object required(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    if (value == null) {
      throw new IllegalStateException("Variable '" + name + "' is required by " + execution.getCurrentActivityId());
    }
    return value;
  }

  /**
   * The idempotency key of a notification a process step sends: the activity instance, so a retried
   * job never queues it twice while a step visited again (a loop) sends again.
   */
  public static String stepKey(DelegateExecution execution) {
    return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
  }

  /** The simple variables of the execution (text, numbers, flags, dates): what templates may use. */
  public static Map<String, Object> templateValues(DelegateExecution execution) {
    Map<String, Object> values = new HashMap<>();
    execution.getVariables().forEach((name, value) -> {
      if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Date) {
        values.put(name, value);
      }
    });
    return values;
  }
}
