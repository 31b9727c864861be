package com.drivecare.recall;

import static com.drivecare.platform.Db.ts;

import com.drivecare.recall.RecallBookingService.Appointment;
import com.drivecare.recall.RecallCampaign.RemedyOption;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The booked recall repairs ({@code recall_appointment}): the one owner of the table. */
@Repository
class RecallAppointmentRepository {

  /** An appointment's status ({@code recall_appointment.status}, stored by name). */
  enum Status { BOOKED, CANCELLED }

  private final JdbcClient jdbc;

  RecallAppointmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The vehicle's booked appointment, if it has one. */
  Optional<Appointment> booked(String campaignId, String vin) {
    return jdbc.sql("""
        select a.* from drivecare.recall_appointment a
        where a.campaign_id = ? and a.vin = ? and a.status = ?""").params(campaignId, vin, Status.BOOKED.name())
        .query((rs, row) -> new Appointment(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("vin"),
            rs.getString("center_id"), rs.getString("remedy_option"), rs.getDate("appointment_day").toLocalDate(),
            rs.getString("status"))).optional();
  }

  void book(String campaignId, String vin, String centerId, RemedyOption option, LocalDate day, Instant now) {
    jdbc.sql("""
        insert into drivecare.recall_appointment (campaign_id, vin, center_id, remedy_option, appointment_day, status,
          created_at) values (?, ?, ?, ?, ?, ?, ?)""")
        .params(campaignId, vin, centerId, option.name(), Date.valueOf(day), Status.BOOKED.name(), ts(now)).update();
  }

  void cancel(long appointmentId) {
    jdbc.sql("update drivecare.recall_appointment set status = ? where id = ?")
        .params(Status.CANCELLED.name(), appointmentId).update();
  }

  /** How many repairs of this kind (mobile units, or slots at the centre) the centre has booked that day. */
  long bookedOn(String centerId, LocalDate day, boolean mobile) {
    return jdbc.sql("""
        select count(*) from drivecare.recall_appointment where center_id = ? and appointment_day = ? and status = ?
          and (remedy_option = ?) = ?""")
        .params(centerId, Date.valueOf(day), Status.BOOKED.name(), RemedyOption.MOBILE.name(), mobile)
        .query(Long.class).single();
  }

  /** The day of the vehicle's last appointment that was not cancelled (the repair's day), if any. */
  Optional<LocalDate> lastDay(String campaignId, String vin) {
    return jdbc.sql("""
        select max(appointment_day) from drivecare.recall_appointment
        where campaign_id = ? and vin = ? and status <> ?""").params(campaignId, vin, Status.CANCELLED.name())
        .query(Date.class).optional().map(Date::toLocalDate);
  }
}
