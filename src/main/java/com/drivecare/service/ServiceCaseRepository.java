package com.drivecare.service;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Service cases, their escalations and expenses. */
@Repository
class ServiceCaseRepository {

  private final JdbcClient jdbc;

  ServiceCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record ServiceCase(long id, String number, long customerId, long vehicleId, String kind, String description,
      String location, String reachAt, String region, String tier, String caseOwner, boolean pilot,
      ServiceCaseStatus status, String processInstance, Instant openedAt, Instant firstResponseAt,
      Instant resolvedAt, Instant closedAt, int slaBreaches, int statusRequests, Integer satisfaction) {}

  record Escalation(long id, String caseNumber, String reason, boolean pilot, String status, String decidedBy,
      String decision, Instant openedAt, Instant decidedAt) {}

  record Expense(long id, String caseNumber, String kind, BigDecimal amount, String currency, String note,
      String status, String decidedBy, String decision, Instant submittedAt, Instant decidedAt) {}

  /** Inserts the case and gives it its number, SC- and the zero-padded id. */
  String insert(long customerId, long vehicleId, String kind, String description, String location, String reachAt,
      String region, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into drivecare.service_case (customer_id, vehicle_id, kind, description, location, reach_at, region,
          status, opened_at) values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
        .params(customerId, vehicleId, kind, description, location, reachAt, region, ts(now))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    String number = String.format("SC-%06d", id);
    jdbc.sql("update drivecare.service_case set number = ? where id = ?").params(number, id).update();
    return number;
  }

  Optional<ServiceCase> find(String number) {
    return jdbc.sql("select * from drivecare.service_case where number = ?").param(number)
        .query(ServiceCaseRepository::map).optional();
  }

  /** Reads the case and locks its row until the transaction ends (one escalation at a time). */
  Optional<ServiceCase> lock(String number) {
    return jdbc.sql("select * from drivecare.service_case where number = ? for update").param(number)
        .query(ServiceCaseRepository::map).optional();
  }

  List<ServiceCase> search(String plate, String customerName, String region, int limit) {
    return jdbc.sql("""
        select s.* from drivecare.service_case s
          join drivecare.vehicle v on v.id = s.vehicle_id
          join drivecare.customer c on c.id = s.customer_id
        where (cast(:plate as varchar) is null or v.plate = :plate)
          and (cast(:name as varchar) is null or lower(c.name) like lower(:namePattern))
          and (cast(:region as varchar) is null or s.region = :region)
        order by s.id desc limit :limit""")
        .param("plate", plate).param("name", customerName)
        .param("namePattern", customerName == null ? null : "%" + customerName + "%")
        .param("region", region).param("limit", limit)
        .query(ServiceCaseRepository::map).list();
  }

  /** The customer's cases, newest first (his self-service page). */
  List<ServiceCase> ofCustomer(long customerId) {
    return jdbc.sql("select * from drivecare.service_case where customer_id = ? order by id desc").param(customerId)
        .query(ServiceCaseRepository::map).list();
  }

  /** The case's escalations, oldest first. */
  List<Escalation> escalations(String number) {
    return jdbc.sql("select * from drivecare.service_escalation where case_number = ? order by id").param(number)
        .query(ServiceCaseRepository::escalation).list();
  }

  /** The case's expenses, oldest first. */
  List<Expense> expenses(String number) {
    return jdbc.sql("select * from drivecare.service_expense where case_number = ? order by id").param(number)
        .query(ServiceCaseRepository::expense).list();
  }

  List<ServiceCase> all() {
    return jdbc.sql("select * from drivecare.service_case order by id").query(ServiceCaseRepository::map).list();
  }

  void opened(String number, String owner, String tier, boolean pilot, String processInstance) {
    jdbc.sql("update drivecare.service_case set case_owner = ?, tier = ?, pilot = ?, process_instance = ? where number = ?")
        .params(owner, tier, pilot, processInstance, number).update();
  }

  void firstResponse(String number, Instant at) {
    jdbc.sql("update drivecare.service_case set first_response_at = coalesce(first_response_at, ?) where number = ?")
        .params(ts(at), number).update();
  }

  void slaBreached(String number) {
    jdbc.sql("update drivecare.service_case set sla_breaches = sla_breaches + 1 where number = ?").param(number).update();
  }

  void statusRequested(String number) {
    jdbc.sql("update drivecare.service_case set status_requests = status_requests + 1 where number = ?")
        .param(number).update();
  }

  void resolved(String number, Instant at) {
    jdbc.sql("""
        update drivecare.service_case set status = 'RESOLVED', resolved_at = coalesce(resolved_at, ?)
        where number = ? and status = 'OPEN'""").params(ts(at), number).update();
  }

  void satisfaction(String number, int score) {
    jdbc.sql("update drivecare.service_case set satisfaction = ? where number = ?").params(score, number).update();
  }

  void closed(String number, Instant at) {
    jdbc.sql("update drivecare.service_case set status = 'CLOSED', closed_at = coalesce(closed_at, ?) where number = ?")
        .params(ts(at), number).update();
  }

  long insertEscalation(String number, String reason, boolean pilot, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into drivecare.service_escalation (case_number, reason, pilot, status, opened_at)
        values (?, ?, ?, 'OPEN', ?)""").params(number, reason, pilot, ts(now)).update(keys, "id");
    return keys.getKey().longValue();
  }

  Optional<Escalation> openEscalation(String number) {
    return jdbc.sql("select * from drivecare.service_escalation where case_number = ? and status = 'OPEN'")
        .param(number).query(ServiceCaseRepository::escalation).optional();
  }


  List<Escalation> escalations() {
    return jdbc.sql("select * from drivecare.service_escalation").query(ServiceCaseRepository::escalation).list();
  }

  void decideEscalation(long id, String decidedBy, String decision, Instant now) {
    jdbc.sql("""
        update drivecare.service_escalation set status = 'DECIDED', decided_by = ?, decision = ?, decided_at = ?
        where id = ? and status = 'OPEN'""").params(decidedBy, decision, ts(now), id).update();
  }

  long insertExpense(String number, String kind, BigDecimal amount, String currency, String note, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into drivecare.service_expense (case_number, kind, amount, currency, note, status, submitted_at)
        values (?, ?, ?, ?, ?, 'PENDING', ?)""").params(number, kind, amount, currency, note, ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }


  void decideExpense(long id, boolean approved, String decidedBy, String decision, Instant now) {
    jdbc.sql("""
        update drivecare.service_expense set status = ?, decided_by = ?, decision = ?, decided_at = ?
        where id = ? and status = 'PENDING'""")
        .params(approved ? "APPROVED" : "REFUSED", decidedBy, decision, ts(now), id).update();
  }

  private static ServiceCase map(ResultSet rs, int row) throws SQLException {
    int satisfaction = rs.getInt("satisfaction");
    Integer score = rs.wasNull() ? null : satisfaction;
    return new ServiceCase(rs.getLong("id"), rs.getString("number"), rs.getLong("customer_id"), rs.getLong("vehicle_id"),
        rs.getString("kind"), rs.getString("description"), rs.getString("location"), rs.getString("reach_at"),
        rs.getString("region"), rs.getString("tier"), rs.getString("case_owner"), rs.getBoolean("pilot"),
        ServiceCaseStatus.valueOf(rs.getString("status")), rs.getString("process_instance"),
        instant(rs, "opened_at"), instant(rs, "first_response_at"), instant(rs, "resolved_at"),
        instant(rs, "closed_at"), rs.getInt("sla_breaches"), rs.getInt("status_requests"), score);
  }

  private static Escalation escalation(ResultSet rs, int row) throws SQLException {
    return new Escalation(rs.getLong("id"), rs.getString("case_number"), rs.getString("reason"), rs.getBoolean("pilot"),
        rs.getString("status"), rs.getString("decided_by"), rs.getString("decision"), instant(rs, "opened_at"),
        instant(rs, "decided_at"));
  }

  private static Expense expense(ResultSet rs, int row) throws SQLException {
    return new Expense(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"), rs.getBigDecimal("amount"),
        rs.getString("currency"), rs.getString("note"), rs.getString("status"), rs.getString("decided_by"),
        rs.getString("decision"), instant(rs, "submitted_at"), instant(rs, "decided_at"));
  }
}
