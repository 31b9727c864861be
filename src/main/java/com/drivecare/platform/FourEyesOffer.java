package com.drivecare.platform;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Offers a four-eyes task to everybody of a group but the first pair of eyes:
 * {@code camunda:candidateUsers="${otherEyes.of('recall-coordinators', execution)}"} on a user task
 * with the {@value TaskGuard#FOUR_EYES_AFTER} property gives the members of the group other than
 * whoever completed that earlier task (as {@link TaskRecords} holds it), so the task never shows in
 * his "My group's tasks". {@link TaskGuard} refuses him at claim and completion whatever the route.
 */
@Component("otherEyes")
public class FourEyesOffer {

  private final TaskRecords records;
  private final IdentityService identityService;

  FourEyesOffer(TaskRecords records, @Lazy IdentityService identityService) {
    this.records = records;
    this.identityService = identityService;
  }

  /** The members of {@code group} who may take the task the execution is entering. */
  public List<String> of(String group, DelegateExecution execution) {
    BaseElement element = (BaseElement) execution.getBpmnModelElementInstance();
    Optional<String> firstEyes = TaskGuard.property(element, TaskGuard.FOUR_EYES_AFTER)
        .flatMap(task -> records.lastCompletedBy(execution.getProcessInstanceId(), task));
    return Context.getCommandContext().runWithoutAuthorization(() ->
        identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list().stream()
            .map(User::getId).filter(user -> firstEyes.isEmpty() || !user.equals(firstEyes.get())).toList());
  }
}
