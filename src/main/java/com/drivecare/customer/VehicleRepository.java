package com.drivecare.customer;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.nullableLong;
import static com.drivecare.platform.Db.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class VehicleRepository {

  private final JdbcClient jdbc;

  VehicleRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String vin, NewVehicle v, String region, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into drivecare.vehicle (vin, plate, model, model_year, list_price, owner_id, region, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(vin, v.plate(), v.model(), v.modelYear(), v.listPrice(), v.ownerId(), region, ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Vehicle> find(long id) {
    return jdbc.sql("select * from drivecare.vehicle where id = ?").param(id).query(VehicleRepository::map).optional();
  }

  public Optional<Vehicle> findByVin(String vin) {
    return jdbc.sql("select * from drivecare.vehicle where vin = ?").param(vin).query(VehicleRepository::map).optional();
  }

  /** The vehicles with these VINs, by VIN (VINs that are not ours are missing from the map). */
  public Map<String, Vehicle> findByVins(Collection<String> vins) {
    Map<String, Vehicle> found = new HashMap<>();
    List<String> distinct = vins.stream().distinct().toList();
    for (int i = 0; i < distinct.size(); i += 1000) {
      jdbc.sql("select * from drivecare.vehicle where vin in (:vins)")
          .param("vins", distinct.subList(i, Math.min(distinct.size(), i + 1000)))
          .query(VehicleRepository::map).list().forEach(v -> found.put(v.vin(), v));
    }
    return found;
  }

  public List<Vehicle> findByPlate(String plate) {
    return jdbc.sql("select * from drivecare.vehicle where plate = ? order by id").param(plate)
        .query(VehicleRepository::map).list();
  }

  public List<Vehicle> findByOwner(long ownerId) {
    return jdbc.sql("select * from drivecare.vehicle where owner_id = ? order by id").param(ownerId)
        .query(VehicleRepository::map).list();
  }

  List<Vehicle> list(String region, int limit, int offset) {
    return jdbc.sql("""
        select * from drivecare.vehicle where (cast(:region as varchar) is null or region = :region)
        order by id limit :limit offset :offset""")
        .param("region", region).param("limit", limit).param("offset", offset)
        .query(VehicleRepository::map).list();
  }

  static Vehicle map(ResultSet rs, int row) throws SQLException {
    return new Vehicle(rs.getLong("id"), rs.getString("vin"), rs.getString("plate"), rs.getString("model"),
        rs.getInt("model_year"), rs.getBigDecimal("list_price"), nullableLong(rs, "owner_id"), rs.getString("region"),
        instant(rs, "created_at"));
  }

  /** Records the vehicle's owner (a coordinator found him, say for a recall). */
  public void linkOwner(String vin, long ownerId) {
    jdbc.sql("update drivecare.vehicle set owner_id = ? where vin = ?").params(ownerId, vin).update();
  }
}
