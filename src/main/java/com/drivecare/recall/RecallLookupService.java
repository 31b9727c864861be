package com.drivecare.recall;

import com.drivecare.customer.VehicleRepository;
import com.drivecare.customer.Vin;
import com.drivecare.platform.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/** "Is my car affected?" — for anyone, without personal data. */
@Service
public class RecallLookupService {

  private final RecallRepository recalls;
  private final VehicleRepository vehicles;

  RecallLookupService(RecallRepository recalls, VehicleRepository vehicles) {
    this.recalls = recalls;
    this.vehicles = vehicles;
  }

  /** {@code factsLanguage}: the language title, component, defect, risk and remedy are in. */
  public record OpenRecall(String campaignId, String factsLanguage, String title, String component, String defect, String safetyRisk,
      String remedy, List<RecallCampaign.RemedyOption> remedyOptions, int remedyHours, boolean remedyAvailable,
      LocalDate partsExpected, RecallVehicleStatus vehicleStatus) {}

  public record LookupResult(String vin, boolean affected, List<OpenRecall> recalls) {}

  /** The open recalls of the VIN, their facts in {@code language} when a campaign has them all in it, else English. */
  public LookupResult lookup(String rawVin, String language) {
    String vin = Vin.normalise(rawVin);
    Vin.problem(vin).ifPresent(p -> {
      throw new InvalidInputException("vin", p);
    });
    String region = vehicles.findByVin(vin).map(v -> v.region()).orElse(null);
    List<OpenRecall> open = recalls.openRecallsFor(vin).stream().map(a -> {
      RecallCampaign c = recalls.find(a.campaignId()).orElseThrow();
      var stock = recalls.stock(c.id()).stream().filter(s -> s.region().equals(region)).findFirst();
      boolean available = stock.map(s -> s.available() != null && s.available() > 0).orElse(c.partsAvailable());
      LocalDate expected = available ? null : stock.map(RecallRepository.Stock::expected).orElse(c.partsExpected());
      RecallCampaign.Facts facts = c.facts(language);
      return new OpenRecall(c.id(), facts.language(), facts.title(), facts.component(), facts.defect(),
          facts.safetyRisk(), facts.remedy(), c.remedyOptions(),
          c.remedyHours(), available, expected, a.status());
    }).toList();
    return new LookupResult(vin, !open.isEmpty(), open);
  }
}
