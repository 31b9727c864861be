package com.drivecare.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import com.drivecare.DrivecareTest;
import com.drivecare.TestData;
import com.drivecare.customer.Customer;
import com.drivecare.people.Groups;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The notification delegate behind an async boundary: queued once, and an incident when it cannot work. */
@DrivecareTest
class SendNotificationDelegateTest {

  @Autowired ProcessEngine processEngine;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired OutboxRepository outbox;
  @Autowired TestData testData;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(processEngine);
  }

  @Test
  void queuesTheNotificationInTheEnginesTransaction() {
    Customer customer = testData.customer().named("Lena Hoffmann").speaking("en").create();
    String owner = testData.staff(TestData.unique("owner"), Groups.CASE_OWNERS, TestData.FR, null);
    String caseKey = TestData.unique("SC");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("notification-test", caseKey, Map.of(
        SendNotificationDelegate.VAR_TEMPLATE, "case-owner-introduction",
        SendNotificationDelegate.VAR_CUSTOMER_ID, customer.id(),
        SendNotificationDelegate.VAR_CASE_OWNER, owner));
    assertThat(pi).isWaitingAt("Task_SendNotification");
    Assertions.assertThat(outbox.search(null, null, caseKey, null, null, null, 10, 0)).isEmpty();

    execute(job(pi));

    assertThat(pi).isEnded().hasPassed("End_NotificationQueued");
    var messages = outbox.search(null, null, caseKey, null, null, null, 10, 0);
    Assertions.assertThat(messages).singleElement().satisfies(m -> {
      Assertions.assertThat(m.subject()).isEqualTo("Your contact for case " + caseKey);
      Assertions.assertThat(m.body()).startsWith("Dear Lena Hoffmann").contains("First" + owner + " Last");
      Assertions.assertThat(m.idempotencyKey()).startsWith(pi.getId() + ":");
    });
  }

  @Test
  void failingDelegateIsRetriedThenRaisesAnIncident() {
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("notification-test", TestData.unique("SC"), Map.of(
        SendNotificationDelegate.VAR_TEMPLATE, "case-owner-introduction",
        SendNotificationDelegate.VAR_CUSTOMER_ID, -1L));
    for (int attempt = 1; attempt <= 3; attempt++) {
      Job job = job(pi);
      Assertions.assertThatThrownBy(() -> managementService.executeJob(job.getId()))
          .hasMessageContaining("Unknown customer -1");
    }
    Job exhausted = job(pi);
    Assertions.assertThat(exhausted.getRetries()).isZero();
    Assertions.assertThat(exhausted.getExceptionMessage()).contains("Unknown customer -1");
    Assertions.assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult())
        .satisfies(i -> Assertions.assertThat(i.getActivityId()).isEqualTo("Task_SendNotification"));
  }
}
