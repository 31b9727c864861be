package com.drivecare.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions and the staff directory (tables {@code region} and {@code agent}). */
@Repository
public class OrganisationRepository {

  private final JdbcClient jdbc;

  OrganisationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Region> regions() {
    return jdbc.sql("select * from drivecare.region order by code").query(OrganisationRepository::region).list();
  }

  public Optional<Region> region(String code) {
    return jdbc.sql("select * from drivecare.region where code = ?").param(code)
        .query(OrganisationRepository::region).optional();
  }

  public void saveRegion(Region r) {
    int updated = jdbc.sql("""
        update drivecare.region set name = ?, country = ?, time_zone = ?, currency = ?,
          calling_window_start = ?, calling_window_end = ? where code = ?""")
        .params(r.name(), r.country(), r.timeZone(), r.currency(), r.callingWindowStart(), r.callingWindowEnd(), r.code())
        .update();
    if (updated == 0) {
      jdbc.sql("""
          insert into drivecare.region (code, name, country, time_zone, currency, calling_window_start, calling_window_end)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(r.code(), r.name(), r.country(), r.timeZone(), r.currency(), r.callingWindowStart(), r.callingWindowEnd())
          .update();
    }
  }

  public Optional<Agent> agent(String userId) {
    return jdbc.sql("select * from drivecare.agent where user_id = ?").param(userId)
        .query(OrganisationRepository::agent).optional();
  }

  public List<Agent> agents() {
    return jdbc.sql("select * from drivecare.agent order by user_id").query(OrganisationRepository::agent).list();
  }

  public List<Agent> agentsInRegion(String region) {
    return jdbc.sql("select * from drivecare.agent where region = ? order by user_id").param(region)
        .query(OrganisationRepository::agent).list();
  }

  public void saveAgent(Agent a) {
    int updated = jdbc.sql("update drivecare.agent set region = ?, manager_id = ?, phone = ? where user_id = ?")
        .params(a.region(), a.managerId(), a.phone(), a.userId()).update();
    if (updated == 0) {
      jdbc.sql("insert into drivecare.agent (user_id, region, manager_id, phone) values (?, ?, ?, ?)")
          .params(a.userId(), a.region(), a.managerId(), a.phone()).update();
    }
  }

  private static Region region(ResultSet rs, int row) throws SQLException {
    return new Region(rs.getString("code"), rs.getString("name"), rs.getString("country"),
        rs.getString("time_zone"), rs.getString("currency"),
        localTime(rs.getTime("calling_window_start")), localTime(rs.getTime("calling_window_end")));
  }

  private static Agent agent(ResultSet rs, int row) throws SQLException {
    return new Agent(rs.getString("user_id"), rs.getString("region"), rs.getString("manager_id"), rs.getString("phone"));
  }

  private static LocalTime localTime(Time time) {
    return time == null ? null : time.toLocalTime();
  }
}
