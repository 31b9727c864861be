package com.drivecare.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.beans.factory.ObjectProvider;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The one place that decides what a person may do to a process through a task — for every journey
 * and every route into the engine (the engine REST API, Tasklist's own API, Java code running for
 * a logged-in user). It sits in front of the engine's commands:
 * <ul>
 *   <li><b>A task's form is its contract.</b> Completing a task (complete, submit-form, resolve)
 *       may set only the fields of that task's Camunda Form, with values the form accepts; any other
 *       variable, or a change to a field shown for information, is refused (400) and nothing changes.</li>
 *   <li><b>No variable changes outside a form.</b> Setting, patching or removing task or process
 *       variables, and throwing BPMN errors or escalations from a task, is for administrators
 *       (Cockpit's repair tools); anybody else is refused (403).</li>
 *   <li><b>Four eyes.</b> A user task with the extension property {@value #FOUR_EYES_AFTER} (the id
 *       of an earlier task) cannot be claimed, given to or completed by whoever completed that
 *       earlier task in the same process instance (403, with the sentence of
 *       {@value #FOUR_EYES_REFUSAL}).</li>
 *   <li><b>Who did it is recorded by the server.</b> Every completion is written to
 *       {@link TaskRecords} with the authenticated user (or, for the engine's own work, the assignee),
 *       in the engine's transaction.</li>
 * </ul>
 * Only the outermost command is looked at: what the engine does on its own account inside a
 * command (a delegate setting a variable) is not a person's input. Refusals are thrown as the
 * engine's own {@link AuthorizationException} and {@link FormFieldValidationException}, which the
 * REST API (and so Tasklist) answers as 403 and 400 with the sentence as message. A check that a
 * task listener makes (e.g. a call outcome validator) and that throws {@link InvalidTaskInput} is
 * unwrapped the same way, so it reaches the person as a 400 and not as an engine error.
 */
@Component
public class TaskGuard extends AbstractProcessEnginePlugin {

  /** User task extension property: the id of the task whose completer may not work on this one. */
  public static final String FOUR_EYES_AFTER = "fourEyesAfter";
  /** User task extension property: the sentence a refused four-eyes attempt gets. */
  public static final String FOUR_EYES_REFUSAL = "fourEyesRefusal";

  private final TaskRecords records;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final ObjectProvider<TaskInputRule> rules;
  private ProcessEngineConfigurationImpl configuration;

  TaskGuard(TaskRecords records, ObjectMapper mapper, Clock clock, ObjectProvider<TaskInputRule> rules) {
    this.records = records;
    this.rules = rules;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Interceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }

  /** A person's input a task listener refused: a 400 with this message, not an engine error. */
  public static class InvalidTaskInput extends FormFieldValidationException {
    public InvalidTaskInput(String message) {
      super(null, message);
    }
  }

  private final class Interceptor extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command); // the engine's own work inside a command: not a person's input
      }
      Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
      Person person = authentication == null || authentication.getUserId() == null ? null
          : new Person(authentication.getUserId(),
              authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
      if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
        String taskId = field(command, "taskId");
        Map<String, Object> submitted = command instanceof SubmitTaskFormCmd
            ? field(command, "properties") : field(command, "variables");
        Map<String, Object> variables = submitted == null ? Map.of() : submitted;
        refuseIf(next.execute(context -> completionVerdict(context, taskId, variables, person)));
        return next.execute(context -> completing(context, command, taskId, person));
      }
      if (command instanceof ClaimTaskCmd || command instanceof DelegateTaskCmd || command instanceof AssignTaskCmd) {
        String taskId = field(command, "taskId");
        String userId = command instanceof AssignTaskCmd
            ? field(command, AbstractAddIdentityLinkCmd.class, "userId") : field(command, "userId");
        boolean claim = command instanceof ClaimTaskCmd;
        refuseIf(next.execute(context -> {
          TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
          if (task == null) {
            return null;
          }
          RuntimeException refusal = fourEyes(task, userId, person);
          return refusal != null || !claim ? refusal : candidacy(task, userId, person);
        }));
        return next.execute(command);
      }
      if (person != null && !person.admin() && changesVariables(command)) {
        throw new AuthorizationException(
            "Variables change only by completing a task's form; ask an administrator to repair a process");
      }
      return next.execute(command);
    }
  }

  /**
   * A refusal is decided in a command of its own and thrown outside the engine's command context:
   * the person gets his 4xx, and the engine does not log his mistake as an error of its own.
   */
  private static void refuseIf(RuntimeException refusal) {
    if (refusal != null) {
      throw refusal;
    }
  }

  private record Person(String userId, List<String> groups) {

    boolean admin() {
      return groups.contains(Groups.CAMUNDA_ADMIN);
    }
  }

  /**
   * A person claims only work offered to him — by name or to one of his groups. Seeing a task (a
   * national team reads every task of the journeys it serves) is not being offered it.
   */
  private static RuntimeException candidacy(TaskEntity task, String userId, Person person) {
    if (person == null || person.admin() || userId == null || !userId.equals(person.userId())) {
      return null;
    }
    boolean offered = task.getIdentityLinks().stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .anyMatch(link -> userId.equals(link.getUserId())
            || link.getGroupId() != null && person.groups().contains(link.getGroupId()));
    return offered ? null : new AuthorizationException("This task is not offered to you or your groups");
  }

  /** A person completes only a task assigned to him (as Tasklist asks him to claim it first). */
  private static RuntimeException assignment(TaskEntity task, Person person) {
    if (person == null || person.admin() || person.userId().equals(task.getAssignee())) {
      return null;
    }
    return new AuthorizationException(task.getAssignee() == null
        ? "Claim the task before completing it"
        : "This task is assigned to " + task.getAssignee() + "; only he can complete it");
  }

  private static boolean changesVariables(Command<?> command) {
    return command instanceof AbstractVariableCmd || command instanceof AbstractPatchVariablesCmd
        || command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd;
  }

  /** Why a completion is refused (four eyes, the form, the journey's rules), or null when it may go on. */
  private RuntimeException completionVerdict(CommandContext context, String taskId, Map<String, Object> submitted,
      Person person) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    if (task == null || task.getProcessInstanceId() == null) {
      return null; // the engine says what is wrong with the id
    }
    RuntimeException refusal = fourEyes(task, person != null ? person.userId() : task.getAssignee(), person);
    if (refusal == null) {
      refusal = assignment(task, person);
    }
    if (refusal != null) {
      return refusal;
    }
    Map<String, Object> values = new HashMap<>();
    submitted.forEach((name, value) -> values.put(name, plain(value)));
    Function<String, Object> current = name -> plain(task.getVariableTyped(name, true));
    if (person != null && !person.admin()) {
      List<String> problems = form(task).problems(values, current);
      if (!problems.isEmpty()) {
        return new FormFieldValidationException(null, String.join("; ", problems));
      }
    }
    String processKey = task.getProcessDefinition() == null ? null : task.getProcessDefinition().getKey();
    Function<String, Object> after = name -> values.containsKey(name) ? values.get(name) : current.apply(name);
    for (TaskInputRule rule : rules.orderedStream().toList()) {
      if (rule.appliesTo(processKey, task.getTaskDefinitionKey())) {
        try {
          rule.check(after);
        } catch (InvalidTaskInput e) {
          return e;
        }
      }
    }
    return null;
  }

  /** Records who completes the task, then completes it, in one transaction. */
  private <T> T completing(CommandContext context, Command<T> command, String taskId, Person person) {
    TaskEntity task = taskId == null ? null : context.getTaskManager().findTaskById(taskId);
    String actor = task == null ? null : person != null ? person.userId() : task.getAssignee();
    // resolving a delegated task hands it back to its owner: it is not the task's completion
    boolean completes = !(command instanceof ResolveTaskCmd);
    if (completes && actor != null && task.getProcessInstanceId() != null && task.getTaskDefinitionKey() != null) {
      String businessKey = task.getProcessInstance() == null ? null : task.getProcessInstance().getBusinessKey();
      records.completed(task.getId(), task.getProcessInstanceId(), businessKey, task.getTaskDefinitionKey(), actor,
          clock.instant());
    }
    try {
      return command.execute(context);
    } catch (ProcessEngineException e) {
      // a listener's refusal of a person's input reaches him as such, not wrapped in an engine error
      InvalidTaskInput refusal = cause(e, InvalidTaskInput.class);
      throw refusal != null && refusal != e ? refusal : e;
    }
  }

  private TaskForm form(TaskEntity task) {
    try (InputStream json = configuration.getFormService().getDeployedTaskForm(task.getId())) {
      return TaskForm.parse(json, mapper);
    } catch (IOException | ProcessEngineException e) {
      throw new FormFieldValidationException(null,
          "This task has no form to complete it with; ask an administrator (" + e.getMessage() + ")");
    }
  }

  /** A submitted or stored value as plain Java (Tasklist and the REST API send typed values). */
  private static Object plain(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      return serializable.getValueSerialized();
    }
    if (value instanceof TypedValue typed) {
      return typed.getValue();
    }
    return value;
  }

  /** Why {@code userId} may not take or complete this four-eyes task, or null. */
  private RuntimeException fourEyes(TaskEntity task, String userId, Person person) {
    if (userId == null || task.getProcessInstanceId() == null) {
      return null;
    }
    Optional<String> firstTask = property(task.getBpmnModelElementInstance(), FOUR_EYES_AFTER);
    if (firstTask.isEmpty()) {
      return null;
    }
    Optional<String> firstEyes = records.lastCompletedBy(task.getProcessInstanceId(), firstTask.get());
    if (firstEyes.isEmpty() || !firstEyes.get().equals(userId)) {
      return null;
    }
    String sentence = property(task.getBpmnModelElementInstance(), FOUR_EYES_REFUSAL)
        .orElse("Four eyes: whoever did the previous step cannot do this one");
    boolean self = person != null && person.userId().equals(userId);
    return new AuthorizationException(self ? sentence
        : "Four eyes: " + userId + " did '" + firstTask.get() + "' of this case and cannot take this task");
  }

  /** A {@code camunda:property} of the task's element in its diagram. */
  static Optional<String> property(BaseElement element, String name) {
    if (element == null || element.getExtensionElements() == null) {
      return Optional.empty();
    }
    return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(p -> p.getCamundaProperties().stream())
        .filter(p -> name.equals(p.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .findFirst();
  }

  private static <E extends Throwable> E cause(Throwable t, Class<E> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  private static <T> T field(Object command, String name) {
    for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
      try {
        return field(command, c, name);
      } catch (IllegalStateException e) {
        // look further up
      }
    }
    throw new IllegalStateException("The engine's " + command.getClass().getSimpleName() + " has no field " + name);
  }

  /**
   * Reads a field of an engine command. The engine keeps a command's input in protected fields and
   * offers no accessor; a test of every route (TaskGuardTest) fails if an upgrade renames one.
   */
  @SuppressWarnings("unchecked")
  private static <T> T field(Object command, Class<?> owner, String name) {
    try {
      Field f = owner.getDeclaredField(name);
      f.setAccessible(true);
      return (T) f.get(command);
    } catch (NoSuchFieldException | IllegalAccessException e) {
      throw new IllegalStateException("The engine's " + owner.getSimpleName() + " has no readable field " + name, e);
    }
  }
}
