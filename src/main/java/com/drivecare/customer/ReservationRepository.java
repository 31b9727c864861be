package com.drivecare.customer;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ReservationRepository {

  private final JdbcClient jdbc;

  ReservationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Reservation r) {
    jdbc.sql("""
        insert into drivecare.reservation (number, customer_id, model, deposit, currency, status, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(r.number(), r.customerId(), r.model(), r.deposit(), r.currency(), r.status().name(),
            ts(r.createdAt()), ts(r.updatedAt()))
        .update();
  }

  public boolean exists(String number) {
    return jdbc.sql("select count(*) from drivecare.reservation where number = ?").param(number)
        .query(Long.class).single() > 0;
  }

  public Optional<Reservation> find(String number) {
    return jdbc.sql("select * from drivecare.reservation where number = ?").param(number)
        .query(ReservationRepository::map).optional();
  }

  /** Reads the reservation and locks its row until the transaction ends. */
  public Optional<Reservation> lock(String number) {
    return jdbc.sql("select * from drivecare.reservation where number = ? for update").param(number)
        .query(ReservationRepository::map).optional();
  }

  public List<Reservation> findByCustomer(long customerId) {
    return jdbc.sql("select * from drivecare.reservation where customer_id = ? order by created_at, number")
        .param(customerId).query(ReservationRepository::map).list();
  }

  /**
   * Moves a reservation from one status to another; false when it was not in {@code from} (someone
   * else moved it first), so callers can tell a repeated request from a conflicting one.
   */
  public boolean changeStatus(String number, ReservationStatus from, ReservationStatus to, Instant now) {
    return jdbc.sql("update drivecare.reservation set status = ?, updated_at = ? where number = ? and status = ?")
        .params(to.name(), ts(now), number, from.name()).update() == 1;
  }

  static Reservation map(ResultSet rs, int row) throws SQLException {
    return new Reservation(rs.getString("number"), rs.getLong("customer_id"), rs.getString("model"),
        rs.getBigDecimal("deposit"), rs.getString("currency"), ReservationStatus.valueOf(rs.getString("status")),
        instant(rs, "created_at"), instant(rs, "updated_at"));
  }
}
