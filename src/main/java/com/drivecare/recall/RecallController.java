package com.drivecare.recall;

import com.drivecare.contact.PageTexts;
import com.drivecare.customer.ImportReport;
import com.drivecare.platform.Caller;
import com.drivecare.platform.CustomerEndpoint;
import com.drivecare.platform.EngineConflictRetry;
import jakarta.servlet.http.HttpServletRequest;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RecallController {

  private final RecallCampaignService campaigns;
  private final RecallLookupService lookup;
  private final LookupRateLimiter rateLimiter;
  private final RecallBookingService booking;
  private final SurveyService surveys;
  private final EngineConflictRetry retry;

  RecallController(RecallCampaignService campaigns, RecallLookupService lookup, LookupRateLimiter rateLimiter,
      RecallBookingService booking, SurveyService surveys, EngineConflictRetry retry) {
    this.campaigns = campaigns;
    this.lookup = lookup;
    this.rateLimiter = rateLimiter;
    this.booking = booking;
    this.surveys = surveys;
    this.retry = retry;
  }

  /** The owner (with his token) or staff book, or move, the repair. */
  @CustomerEndpoint
  @PostMapping("/api/recalls/{campaignId}/vehicles/{vin}/appointment")
  ResponseEntity<RecallBookingService.Appointment> book(@PathVariable String campaignId, @PathVariable String vin,
      @RequestBody RecallBookingService.BookingRequest request) {
    var appointment = retry.call(() -> booking.book(campaignId, vin, request, Caller.current()));
    return ResponseEntity.created(URI.create("/api/recalls/" + campaignId + "/vehicles/" + vin + "/appointment"))
        .body(appointment);
  }

  @CustomerEndpoint
  @GetMapping("/api/recalls/{campaignId}/vehicles/{vin}/appointment")
  RecallBookingService.Appointment appointment(@PathVariable String campaignId, @PathVariable String vin) {
    return booking.currentFor(campaignId, vin, Caller.current());
  }

  @CustomerEndpoint
  @DeleteMapping("/api/recalls/{campaignId}/vehicles/{vin}/appointment")
  ResponseEntity<Void> cancel(@PathVariable String campaignId, @PathVariable String vin) {
    retry.run(() -> booking.cancel(campaignId, vin, Caller.current()));
    return ResponseEntity.noContent().build();
  }

  @CustomerEndpoint
  @GetMapping("/api/service-centers")
  List<RecallBookingService.ServiceCenter> centers(@RequestParam(required = false) String region) {
    return booking.centers(region);
  }

  @PutMapping("/api/service-centers/{id}")
  RecallBookingService.ServiceCenter saveCenter(@PathVariable String id, @RequestBody RecallBookingService.ServiceCenter body) {
    var center = new RecallBookingService.ServiceCenter(id, body.name(), body.region(), body.dailySlots(), body.mobileUnits());
    booking.saveCenter(center);
    return center;
  }

  /** Public: the owner answers the survey from the link in his message. */
  @CustomerEndpoint
  @PostMapping("/api/surveys/{token}")
  ResponseEntity<Void> answer(@PathVariable String token, @RequestBody SurveyAnswer body) {
    retry.run(() -> surveys.answer(token, body.score(), body.comment()));
    return ResponseEntity.noContent().build();
  }

  record SurveyAnswer(Integer score, String comment) {}

  @PostMapping("/api/recall-campaigns")
  ResponseEntity<RecallCampaignService.CampaignView> create(@RequestBody RecallCampaignService.NewCampaign input) {
    var view = campaigns.create(input, Caller.current().actor());
    return ResponseEntity.created(URI.create("/api/recall-campaigns/" + view.campaign().id())).body(view);
  }

  @GetMapping("/api/recall-campaigns/{id}")
  RecallCampaignService.CampaignView get(@PathVariable String id) {
    return campaigns.view(id);
  }

  @PostMapping(path = "/api/recall-campaigns/{id}/vehicles", consumes = {"text/csv", "text/plain"})
  ImportReport importVehicles(@PathVariable String id, InputStream body) {
    return campaigns.importVehicles(id, body);
  }

  @PostMapping("/api/recall-campaigns/{id}/close")
  RecallCampaignService.CampaignView close(@PathVariable String id, @RequestBody Map<String, String> body) {
    return campaigns.close(id, body.get("reason"));
  }

  @PostMapping("/api/recall-campaigns/{id}/parts-available")
  Map<String, Object> partsAvailable(@PathVariable String id, @RequestBody PartsArrived body) {
    return campaigns.partsAvailable(id, body.region(), body.available());
  }

  /** The parts are late: a new expected date, for a region or (no region) the whole campaign. */
  @PostMapping("/api/recall-campaigns/{id}/parts-delayed")
  Map<String, Object> partsDelayed(@PathVariable String id, @RequestBody PartsDelayed body) {
    return campaigns.partsDelayed(id, body.region(), body.expected(), body.reason());
  }

  @PostMapping("/api/recall-campaigns/{id}/vehicles/{vin}/close")
  ResponseEntity<Void> closeVehicle(@PathVariable String id, @PathVariable String vin,
      @RequestBody Map<String, String> body) {
    campaigns.closeVehicle(id, vin, body.get("reason"), Caller.current().actor());
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/api/recall-campaigns/{id}/reports")
  List<Map<String, Object>> reports(@PathVariable String id) {
    return campaigns.reports(id);
  }

  record PartsArrived(String region, Integer available) {}

  record PartsDelayed(String region, LocalDate expected, String reason) {}

  /** Public: the open recalls of a VIN, without personal data, rate-limited per client; facts in {@code lang} (else English). */
  @CustomerEndpoint
  @GetMapping("/api/recalls")
  ResponseEntity<?> lookup(@RequestParam(required = false) String vin, @RequestParam(required = false) String lang,
      HttpServletRequest request) {
    var wait = rateLimiter.acquire(request.getRemoteAddr());
    if (wait.isPresent()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
          "Too many lookups from your address; try again in " + Math.max(1, wait.get().toSeconds()) + " seconds.");
      problem.setTitle("Too many requests");
      return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .header("Retry-After", String.valueOf(Math.max(1, wait.get().toSeconds()))).body(problem);
    }
    return ResponseEntity.ok(lookup.lookup(vin == null ? "" : vin, PageTexts.language(lang)));
  }
}
