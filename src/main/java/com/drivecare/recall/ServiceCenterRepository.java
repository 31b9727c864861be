package com.drivecare.recall;

import com.drivecare.recall.RecallBookingService.ServiceCenter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The service centres where recall repairs are booked ({@code service_center}): the one owner of the table. */
@Repository
class ServiceCenterRepository {

  private final JdbcClient jdbc;

  ServiceCenterRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The centres of a region (all when null), by id. */
  List<ServiceCenter> inRegion(String region) {
    return jdbc.sql("select * from drivecare.service_center where (cast(? as varchar) is null or region = ?) order by id")
        .params(region, region).query(ServiceCenterRepository::map).list();
  }

  /** Creates the centre, or updates it when its id exists. */
  void save(ServiceCenter c) {
    int updated = jdbc.sql("""
        update drivecare.service_center set name = ?, region = ?, daily_slots = ?, mobile_units = ? where id = ?""")
        .params(c.name(), c.region(), c.dailySlots(), c.mobileUnits(), c.id()).update();
    if (updated == 0) {
      jdbc.sql("insert into drivecare.service_center (id, name, region, daily_slots, mobile_units) values (?, ?, ?, ?, ?)")
          .params(c.id(), c.name(), c.region(), c.dailySlots(), c.mobileUnits()).update();
    }
  }

  /** Locks the centre's row: the bookings of one centre are serialised by it. */
  Optional<ServiceCenter> lock(String id) {
    return jdbc.sql("select * from drivecare.service_center where id = ? for update").param(id)
        .query(ServiceCenterRepository::map).optional();
  }

  private static ServiceCenter map(ResultSet rs, int row) throws SQLException {
    return new ServiceCenter(rs.getString("id"), rs.getString("name"), rs.getString("region"), rs.getInt("daily_slots"),
        rs.getInt("mobile_units"));
  }
}
