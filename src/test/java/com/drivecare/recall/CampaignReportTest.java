package com.drivecare.recall;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The quarterly report's figures, without the engine. */
class CampaignReportTest {

  static final Instant NOW = Instant.parse("2027-02-23T09:00:00Z");

  final RecallRepository recalls = mock(RecallRepository.class);
  final RecallCampaignService campaigns = new RecallCampaignService(recalls, null, null, null, null,
      Clock.fixed(NOW, ZoneOffset.UTC), null, null, null, null, null, null);

  @Test
  void theReportCountsRemediedUnreachableAndClosedVehiclesOfAllOfThem() {
    Map<String, Long> perStatus = new LinkedHashMap<>();
    perStatus.put(RecallVehicleStatus.CLOSED.name(), 2L);
    perStatus.put(RecallVehicleStatus.NOTIFIED.name(), 10L);
    perStatus.put(RecallVehicleStatus.OWNER_UNKNOWN.name(), 3L);
    perStatus.put(RecallVehicleStatus.REMEDIED.name(), 5L);
    when(recalls.vehiclesPerStatus("23V-838")).thenReturn(perStatus);
    when(recalls.reportCount("23V-838")).thenReturn(1);

    campaigns.produceQuarterlyReport("23V-838");

    verify(recalls).saveReport("23V-838", 2, NOW, 20, 5, 3, 2);
  }

  @Test
  void aStatusNoVehicleHasCountsNone() {
    when(recalls.vehiclesPerStatus("23V-838")).thenReturn(Map.of(RecallVehicleStatus.NOTIFIED.name(), 4L));

    campaigns.produceQuarterlyReport("23V-838");

    verify(recalls).saveReport("23V-838", 1, NOW, 4, 0, 0, 0);
  }
}
