package com.drivecare.recall;

import static com.drivecare.recall.RecallProcess.*;

import com.drivecare.contact.SendNotificationDelegate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code recall-remedy}, one vehicle's journey through a recall, each a bean the
 * diagram names ({@code ${beanName}}). A step loads what it needs from the execution, calls
 * {@link RemedyJourney} and sets the result. The journey's business key is {@code <campaignId>:<VIN>}.
 */
final class RemedySteps {

  private RemedySteps() {}

  private static String campaignId(DelegateExecution execution) {
    return campaignOf(execution.getProcessBusinessKey());
  }

  private static String vin(DelegateExecution execution) {
    return vinOf(execution.getProcessBusinessKey());
  }

  /** {@code Task_IdentifyOwner}: the vehicle, its owner if known, and whether the parts are there for its region. */
  @Component("identifyRecallOwner")
  static class IdentifyOwner implements JavaDelegate {
    private final RemedyJourney journey;

    IdentifyOwner(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariables(journey.identifyOwner(campaignId(execution), vin(execution)));
    }
  }

  /** {@code Task_LinkOwner}: the owner a coordinator found is recorded on the vehicle. */
  @Component("linkRecallOwner")
  static class LinkOwner implements JavaDelegate {
    private final RemedyJourney journey;

    LinkOwner(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      long customerId = ((Number) execution.getVariable(VAR_OWNER_CUSTOMER_ID)).longValue();
      execution.setVariables(journey.linkOwner(vin(execution), customerId));
    }
  }

  /** {@code Task_NotifyOwner}: the approved notice; invited to book when the parts are here. */
  @Component("notifyRecallOwner")
  static class NotifyOwner implements JavaDelegate {
    private final RemedyJourney journey;
    private final RecallProperties properties;

    NotifyOwner(RemedyJourney journey, RecallProperties properties) {
      this.journey = journey;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      boolean parts = Boolean.TRUE.equals(execution.getVariable(VAR_PARTS_AVAILABLE));
      execution.setVariables(journey.notifyOwner(campaignId(execution), vin(execution), parts,
          ReminderSchedule.of(execution, properties.reminderSchedule())));
    }
  }

  /** {@code Task_InviteBooking}: the parts have arrived for his region; the owner is invited to book. */
  @Component("inviteRecallBooking")
  static class InviteBooking implements JavaDelegate {
    private final RemedyJourney journey;
    private final RecallProperties properties;

    InviteBooking(RemedyJourney journey, RecallProperties properties) {
      this.journey = journey;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariables(journey.inviteToBook(campaignId(execution), vin(execution),
          SendNotificationDelegate.templateValues(execution), SendNotificationDelegate.stepKey(execution),
          ReminderSchedule.of(execution, properties.reminderSchedule())));
    }
  }

  /** {@code Task_SendReminder}: a message, or ({@code callNeeded}) a call by a service advisor of the owner's region. */
  @Component("sendRecallReminder")
  static class SendReminder implements JavaDelegate {
    private final RemedyJourney journey;
    private final RecallProperties properties;

    SendReminder(RemedyJourney journey, RecallProperties properties) {
      this.journey = journey;
      this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
      int sent = ((Number) execution.getVariable(VAR_REMINDERS_SENT)).intValue();
      Date invitedAt = (Date) execution.getVariable(VAR_INVITED_AT);
      execution.setVariables(journey.remind(campaignId(execution), vin(execution), sent, invitedAt.toInstant(),
          ReminderSchedule.of(execution, properties.reminderSchedule()), SendNotificationDelegate.templateValues(execution),
          SendNotificationDelegate.stepKey(execution)));
    }
  }

  /** {@code Task_RecordRemedy}: the vehicle is repaired. */
  @Component("recordRemedy")
  static class RecordRemedy implements JavaDelegate {
    private final RemedyJourney journey;

    RecordRemedy(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.remedied(campaignId(execution), vin(execution), String.valueOf(execution.getVariable(VAR_REMEDY_DONE_BY)));
    }
  }

  /** {@code Task_SendDelayNotice}: the owner hears at once that his repair slipped, and the new date. */
  @Component("sendRecallDelayNotice")
  static class SendDelayNotice implements JavaDelegate {
    private final RemedyJourney journey;

    SendDelayNotice(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.sendDelayNotice(campaignId(execution), vin(execution), ((Date) execution.getVariable(VAR_NEW_ETA)).toInstant(),
          SendNotificationDelegate.templateValues(execution), SendNotificationDelegate.stepKey(execution));
    }
  }

  /** {@code Task_RecordNoShow}: back to reminders, and the timeline says why. */
  @Component("recordRecallNoShow")
  static class RecordNoShow implements JavaDelegate {
    private final RemedyJourney journey;

    RecordNoShow(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.noShow(campaignId(execution), vin(execution));
    }
  }

  /** {@code Task_SendAppointmentReminder}: the day before, the owner is reminded where and when. */
  @Component("sendAppointmentReminder")
  static class SendAppointmentReminder implements JavaDelegate {
    private final RemedyJourney journey;

    SendAppointmentReminder(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.sendAppointmentReminder(campaignId(execution), vin(execution),
          ((Date) execution.getVariable(VAR_APPOINTMENT_AT)).toInstant(), SendNotificationDelegate.templateValues(execution),
          SendNotificationDelegate.stepKey(execution));
    }
  }

  /** {@code Task_SendSurvey}: two days after the repair, a survey link that needs no login. */
  @Component("sendRecallSurvey")
  static class SendSurvey implements JavaDelegate {
    private final RemedyJourney journey;

    SendSurvey(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.sendSurvey(campaignId(execution), vin(execution), SendNotificationDelegate.templateValues(execution),
          SendNotificationDelegate.stepKey(execution));
    }
  }

  /** {@code Task_RecordFollowUp}: what customer relations learned, on the timeline. */
  @Component("recordRecallFollowUp")
  static class RecordFollowUp implements JavaDelegate {
    private final RemedyJourney journey;

    RecordFollowUp(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.recordFollowUp(campaignId(execution), vin(execution),
          String.valueOf(execution.getVariable(VAR_FOLLOWED_UP_BY)), execution.getVariable(VAR_ROOT_CAUSE),
          execution.getVariable(VAR_FOLLOW_UP_NOTE));
    }
  }

  /** {@code Task_CloseVehicle}: sold, exported or scrapped — closed with the reason. */
  @Component("closeRecallVehicle")
  static class CloseVehicle implements JavaDelegate {
    private final RemedyJourney journey;

    CloseVehicle(RemedyJourney journey) {
      this.journey = journey;
    }

    @Override
    public void execute(DelegateExecution execution) {
      journey.closeVehicle(campaignId(execution), vin(execution), String.valueOf(execution.getVariable(VAR_CLOSE_REASON)));
    }
  }

  /** End listener of {@code recall-remedy}: when the last journey of a launched campaign ends, the campaign closes itself. */
  @Component("vehicleJourneyEnded")
  static class JourneyEnded implements ExecutionListener {
    private final RecallCampaignService campaigns;

    JourneyEnded(@Lazy RecallCampaignService campaigns) {
      this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateExecution execution) {
      campaigns.closeWhenDone(campaignId(execution), 1);
    }
  }
}
