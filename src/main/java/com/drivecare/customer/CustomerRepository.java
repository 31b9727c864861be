package com.drivecare.customer;

import static com.drivecare.platform.Db.instant;
import static com.drivecare.platform.Db.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CustomerRepository {

  private final JdbcClient jdbc;

  CustomerRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(NewCustomer c, String timeZone, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into drivecare.customer (name, email, phone, address, preferred_channel, language, time_zone, region,
          do_not_call, sales_advisor, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(c.name(), c.email(), c.phone(), c.address(), c.preferredChannel().name(), c.language(), timeZone,
            c.region(), Boolean.TRUE.equals(c.doNotCall()), c.salesAdvisor(), ts(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public Optional<Customer> find(long id) {
    return jdbc.sql("select * from drivecare.customer where id = ?").param(id)
        .query(CustomerRepository::map).optional();
  }

  /** The customers with these ids, by id (ids that do not exist are missing from the map). */
  public Map<Long, Customer> findAll(Collection<Long> ids) {
    Map<Long, Customer> found = new HashMap<>();
    List<Long> distinct = ids.stream().distinct().toList();
    for (int i = 0; i < distinct.size(); i += 1000) {
      jdbc.sql("select * from drivecare.customer where id in (:ids)").param("ids", distinct.subList(i, Math.min(distinct.size(), i + 1000)))
          .query(CustomerRepository::map).list().forEach(c -> found.put(c.id(), c));
    }
    return found;
  }

  /** Staff search by part of the name, exact e-mail or phone, within a region (null: all). */
  List<Customer> search(String name, String email, String phone, String region, int limit, int offset) {
    return search(null, name, email, phone, region, limit, offset);
  }

  /**
   * The same, and with {@code q} (when given) one free text that finds a customer by part of his
   * name or e-mail, or by the plate or VIN of a vehicle he owns.
   */
  List<Customer> search(String q, String name, String email, String phone, String region, int limit, int offset) {
    return jdbc.sql("""
        select * from drivecare.customer
        where (cast(:q as varchar) is null or lower(name) like :qPattern or lower(email) like :qPattern
            or id in (select owner_id from drivecare.vehicle
                      where upper(replace(replace(plate, '-', ''), ' ', '')) = :qPlate or vin = upper(:q)))
          and (cast(:name as varchar) is null or lower(name) like lower(:namePattern))
          and (cast(:email as varchar) is null or lower(email) = lower(:email))
          and (cast(:phone as varchar) is null or phone = :phone)
          and (cast(:region as varchar) is null or region = :region)
        order by id limit :limit offset :offset""")
        .param("q", q).param("qPattern", q == null ? null : "%" + q.toLowerCase(Locale.ROOT) + "%")
        .param("qPlate", q == null ? null : q.toUpperCase(Locale.ROOT).replace("-", "").replace(" ", ""))
        .param("name", name).param("namePattern", name == null ? null : "%" + name + "%")
        .param("email", email).param("phone", phone).param("region", region)
        .param("limit", limit).param("offset", offset)
        .query(CustomerRepository::map).list();
  }

  /** Sets or clears the do-not-call flag; true when the customer exists. */
  public boolean setDoNotCall(long id, boolean doNotCall) {
    return jdbc.sql("update drivecare.customer set do_not_call = ? where id = ?").params(doNotCall, id).update() == 1;
  }

  static Customer map(ResultSet rs, int row) throws SQLException {
    return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("phone"),
        rs.getString("address"), Channel.valueOf(rs.getString("preferred_channel")), rs.getString("language"),
        rs.getString("time_zone"), rs.getString("region"), rs.getBoolean("do_not_call"),
        rs.getString("sales_advisor"), instant(rs, "created_at"));
  }
}
