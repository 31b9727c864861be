package com.drivecare.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.Browser;
import com.drivecare.DrivecareTest;
import com.drivecare.Jobs;
import com.drivecare.TestData;
import com.drivecare.contact.PageTexts;
import com.drivecare.customer.AccessTokenService;
import com.drivecare.customer.Customer;
import com.drivecare.customer.Reservation;
import com.drivecare.customer.Vehicle;
import com.drivecare.customer.Vin;
import com.drivecare.people.Groups;
import com.drivecare.recall.NoticeApproval;
import com.drivecare.recall.RecallCampaign;
import com.drivecare.recall.RecallCampaignService;
import com.drivecare.recall.RecallProcess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each demo customer's story in a real headless Chromium: he opens the exact link of his
 * notification from the outbox and does there what the message promised — on a phone (390×844) or
 * a desktop (1440×900), in his own language while the browser says English, and in the other
 * language after switching. Every view is photographed at both sizes (checked for sideways scroll
 * at 360 px, labels and contrast) into {@code target/self-service-screenshots/}.
 */
@DrivecareTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfServiceBrowserTest {

  private static final Pattern LINK = Pattern.compile("http://localhost:\\d+/self-service/#\\S+");

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired PageTexts texts;
  @Autowired Jobs jobs;
  @Autowired JdbcClient jdbc;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;
  @Autowired RecallCampaignService campaigns;
  @Autowired AccessTokenService tokens;

  Browser browser;
  String pilotDeployment;
  // one launched recall campaign for the recall, survey and lookup stories
  String recallRegion;
  String campaignId;
  String center;
  List<Customer> owners = new ArrayList<>();
  List<Vehicle> recalled = new ArrayList<>();

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(port);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (pilotDeployment != null) {
      repositoryService.deleteDeployment(pilotDeployment, true);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // reservation

  @Test
  void jamesKeepsHisReservationOnADesktop() {
    Customer james = retentionCustomer("James Carter", "en", "America/Los_Angeles");
    Reservation reservation = cancellationRequested(james);
    String link = link(james, "retention-acknowledgement-with-link");
    assertThat(link).contains("localhost:" + port, "view=reservation", "case=" + reservation.number());

    browser.size(Browser.DESKTOP);
    browser.open(link);
    browser.heading(t("en", "res.title", "number", reservation.number()));
    assertThat(browser.driver().getCurrentUrl()).doesNotContain("token=");
    assertThat(browser.text()).contains(t("en", "res.status.CANCELLATION_REQUESTED"), t("en", "outcome.CANCELLATION_REQUESTED"));
    browser.shoot("reservation-en", Browser.DESKTOP);

    browser.button(t("en", "res.keep.button")).click();
    browser.waitForText(By.id("notice"), t("en", "res.kept"));
    assertThat(browser.text()).contains(t("en", "res.pending.CANCELLATION_WITHDRAWN_ONLINE"));
    jobs.runDueForBusinessKey(reservation.number());
    assertThat(status(reservation)).isEqualTo("ACTIVE");
    browser.driver().navigate().refresh(); // the token stays with the tab, the view in the address
    browser.heading(t("en", "res.title", "number", reservation.number()));
    browser.waitForText(By.tagName("main"), t("en", "res.status.ACTIVE"));
  }

  @Test
  void emilieConfirmsHerCancellationAfterTheConfirmationStepInFrenchByKeyboardOnAPhone() {
    Customer emilie = retentionCustomer("Émilie Rousseau", "fr", "Europe/Paris");
    Reservation reservation = cancellationRequested(emilie);
    String link = link(emilie, "retention-acknowledgement-with-link");

    browser.size(Browser.PHONE);
    browser.open(link);
    browser.heading(t("fr", "res.title", "number", reservation.number()));
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("fr");
    String confirm = t("fr", "res.confirm.button");
    tabTo(confirm);
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    WebElement step = browser.waitFor(By.cssSelector(".confirm h3"));
    assertThat(step.getText()).isEqualTo(t("fr", "res.confirm.title", "number", reservation.number()));
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(step);
    assertThat(plain(browser.driver().findElement(By.cssSelector(".confirm")).getText())).contains("2 500,00 €",
        "10 jours ouvrés");
    assertThat(status(reservation)).isEqualTo("CANCELLATION_REQUESTED"); // nothing happened yet
    browser.shoot("reservation-confirm-fr", Browser.PHONE);

    new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
    assertThat(browser.driver().switchTo().activeElement().getText()).isEqualTo(t("fr", "res.confirm.yes"));
    new Actions(browser.driver()).sendKeys(Keys.ENTER).perform();
    browser.waitUntil(d -> plain(browser.notice()).equals(t("fr", "res.cancelled", "deposit", "2 500,00 €")));
    jobs.runDueForBusinessKey(reservation.number());
    assertThat(status(reservation)).isEqualTo("CANCELLED");
  }

  // ---------------------------------------------------------------------------------------------
  // service case

  @Test
  void thierryFollowsHisPrestigeCaseEscalatesToAManagerAndSubmitsAnExpense() {
    String region = testData.freshRegion();
    makePilot(region);
    String regional = testData.staff(TestData.unique("regional"), Groups.REGIONAL_MANAGERS, region, null);
    String manager = testData.staff(TestData.unique("svcmgr"), Groups.SERVICE_MANAGERS, region, regional);
    String advisor = testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, region, manager);
    Customer thierry = testData.customer().named("Thierry Vasseur").speaking("fr").inRegion(region, "Europe/Paris")
        .create();
    Vehicle prestige = testData.vehicle(thierry.id(), "Aurora GT Prestige", "185000");
    testData.vehicle(thierry.id(), "Aurora GT", "121000");
    String number = Api.at(port).bearer(testData.token(thierry.id())).post("/api/service-cases", Map.of(
        "vin", prestige.vin(), "kind", "ROADSIDE", "description", "Pneu crevé sur l'autoroute, loin de chez moi",
        "location", "A7, aire de Montélimar")).json().get("number").asText();
    jobs.runDueForBusinessKey(number);
    String link = link(thierry, "service-case-opened");
    assertThat(link).contains("view=case", "case=" + number);

    browser.size(Browser.PHONE);
    browser.open(link);
    browser.heading(t("fr", "case.title", "number", number));
    String owner = "First" + advisor + " Last";
    assertThat(browser.text()).contains(owner, t("fr", "case.stage.FIRST_CONTACT"), t("fr", "step.Task_ContactCustomer"),
        "Aurora GT Prestige", t("fr", "outcome.CASE_REPORTED"));
    browser.shoot("case-fr", Browser.PHONE);

    field(t("fr", "case.escalate.reason")).sendKeys("Personne ne me dit quand ma voiture sera prête.");
    browser.button(t("fr", "case.escalate.button")).click();
    browser.waitForText(By.id("notice"), t("fr", "case.escalate.sent"));
    jobs.runDueForBusinessKey(number);
    var decision = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey("Task_ManagerDecision")
        .singleResult();
    assertThat(decision).as("the manager's task").isNotNull();
    assertThat(decision.getAssignee()).isEqualTo(manager);
    browser.driver().navigate().refresh();
    browser.heading(t("fr", "case.title", "number", number));
    browser.waitForText(By.id("escalation-status"), "First" + manager + " Last");

    new Select(field(t("fr", "case.expense.kind"))).selectByValue("HOTEL");
    field(t("fr", "case.expense.amount")).sendKeys("12,5 euros");
    browser.button(t("fr", "case.expense.button")).click();
    browser.waitForText(By.tagName("main"), t("fr", "case.expense.bad-amount"));
    field(t("fr", "case.expense.amount")).clear();
    field(t("fr", "case.expense.amount")).sendKeys("189,50");
    new Select(field(t("fr", "case.expense.currency"))).selectByValue("EUR");
    field(t("fr", "case.expense.note")).sendKeys("Hôtel du Lac, une nuit");
    browser.button(t("fr", "case.expense.button")).click();
    browser.waitForText(By.id("notice"), t("fr", "case.expense.sent"));
    browser.waitForText(By.id("expenses"), t("fr", "case.expense.status.PENDING"));
    assertThat(browser.driver().findElement(By.id("expenses")).getText()).contains("189,50");
    assertThat(jdbc.sql("select amount from drivecare.service_expense where case_number = ?").param(number)
        .query(BigDecimal.class).single()).isEqualByComparingTo("189.50");
    browser.shoot("case-escalated-fr", Browser.PHONE);

    browser.button("English").click();
    browser.heading(t("en", "case.title", "number", number));
    assertThat(browser.script("return document.documentElement.lang")).isEqualTo("en");
    assertThat(browser.text()).contains(t("en", "case.expense.status.PENDING"), "First" + manager + " Last");
    browser.shoot("case-en", Browser.DESKTOP);

    // the link staff send for his whole file opens it, with this case in it
    Api.at(port).basic("test-admin", "test-admin-secret").post("/api/customers/" + thierry.id() + "/access-link", "");
    browser.open(link(thierry, "access-link"));
    browser.heading(t("fr", "greeting", "name", "Thierry Vasseur"));
    assertThat(browser.text()).contains(number, "Aurora GT Prestige", t("fr", "home.cases"));
    browser.shoot("home-fr", Browser.PHONE);
  }

  // ---------------------------------------------------------------------------------------------
  // recall

  @Test
  void lindaBooksHerRecallRepairOnAFreeDayIsRefusedADayJustTakenMovesAndCancelsIt() throws Exception {
    launchCampaign();
    Customer linda = owners.get(0);
    LocalDate tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1);
    book(1, "DEALER", tomorrow); // someone else has taken tomorrow's only slot
    String link = link(linda, "recall-notice");
    assertThat(link).contains("view=recall", "case=" + campaignId + ":" + recalled.get(0).vin());

    browser.size(Browser.PHONE);
    browser.open(link);
    browser.heading(t("en", "recall.title", "campaign", campaignId, "title", "Airbag inflator"));
    assertThat(browser.text()).contains("The inflator may rupture.", "Metal fragments may injure occupants.",
        "Replace the inflator.", t("en", "recall.duration", "hours", "2"), t("en", "recall.parts.available"));
    String dayAfter = tomorrow.plusDays(1).toString();
    browser.waitFor(By.cssSelector(".days input[value='" + dayAfter + "']"));
    assertThat(browser.driver().findElements(By.cssSelector(".days input[value='" + tomorrow + "']")))
        .as("a full day is not offered").isEmpty();
    browser.shoot("recall-en", Browser.PHONE);

    dayLabel(dayAfter).click();
    book(2, "DEALER", tomorrow.plusDays(1)); // taken while Linda was choosing
    browser.button(t("en", "recall.book.button")).click();
    browser.waitForText(By.id("notice"), t("en", "recall.full"));
    browser.waitUntil(d -> d.findElements(By.cssSelector(".days input[value='" + dayAfter + "']")).isEmpty());
    assertThat(appointmentDay(0)).isNull();

    String booked = tomorrow.plusDays(2).toString();
    dayLabel(booked).click();
    browser.button(t("en", "recall.book.button")).click();
    browser.waitFor(By.id("appointment"));
    assertThat(browser.notice()).startsWith("Booked:");
    assertThat(appointmentDay(0)).isEqualTo(booked);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(campaignId + ":" + recalled.get(0).vin()).count()).isEqualTo(1);

    browser.button(t("en", "recall.ics")).click();
    Path ics = browser.downloads().resolve("recall-" + campaignId + ".ics");
    browser.waitUntil(d -> Files.exists(ics));
    browser.waitUntil(d -> ics.toFile().length() > 0);
    assertThat(Files.readString(ics)).contains("BEGIN:VEVENT", "DTSTART:" + booked.replace("-", ""),
        "SUMMARY:Safety repair of your Aurora Sedan: Airbag inflator");
    browser.shoot("recall-booked-en", Browser.PHONE);

    browser.button(t("en", "recall.move")).click();
    String moved = tomorrow.plusDays(5).toString();
    browser.waitFor(By.cssSelector(".days input[value='" + moved + "']"));
    dayLabel(moved).click();
    browser.button(t("en", "recall.move.button")).click();
    browser.waitUntil(d -> moved.equals(appointmentDay(0)));
    browser.waitForText(By.id("notice"), "Booked:");

    browser.button(t("en", "recall.cancel")).click();
    browser.waitFor(By.cssSelector(".confirm"));
    browser.button(t("en", "recall.cancel.yes")).click();
    browser.waitForText(By.id("notice"), t("en", "recall.cancelled"));
    assertThat(appointmentDay(0)).isNull();
    browser.waitFor(By.cssSelector(".booking"));

    // in French, the campaign's French facts — the ones her French-speaking neighbour's notice carried
    browser.button("Français").click();
    browser.heading(t("fr", "recall.title", "campaign", campaignId, "title", "Gonfleur d'airbag"));
    assertThat(browser.text()).contains("Le gonfleur peut se rompre.",
        "Des fragments métalliques peuvent blesser les occupants.", "Remplacement du gonfleur.")
        .doesNotContain("The inflator may rupture.", t("fr", "recall.facts.other-language"));
    assertThat(browser.driver().findElements(By.cssSelector("main [lang]"))).isEmpty();
    browser.shoot("recall-fr", Browser.DESKTOP);

    // a campaign whose French facts are incomplete: the English facts, marked as English, and said so
    jdbc.sql("update drivecare.recall_campaign set defect_fr = null where id = ?").param(campaignId).update();
    try {
      browser.driver().navigate().refresh();
      browser.heading(t("fr", "recall.title", "campaign", campaignId, "title", "Airbag inflator"));
      browser.waitForText(By.cssSelector(".facts-language"), t("fr", "recall.facts.other-language"));
      assertThat(browser.text()).contains("The inflator may rupture.", "Metal fragments may injure occupants.",
          "Replace the inflator.").doesNotContain("Le gonfleur peut se rompre.");
      assertThat(browser.driver().findElements(By.cssSelector("[lang=en]"))).extracting(WebElement::getText)
          .contains("The inflator may rupture.", "Metal fragments may injure occupants.");
      // the heading too: a French sentence around an English title, the title marked as English
      assertThat(browser.driver().findElement(By.cssSelector("h1 [lang=en]")).getText()).isEqualTo("Airbag inflator");
      browser.shoot("recall-fr-facts-in-english", Browser.DESKTOP);
      // and on her home page, the recall's title in her list
      browser.driver().findElement(By.cssSelector("a[href='#view=home']")).click();
      browser.waitForText(By.cssSelector("main li a [lang=en]"), "Airbag inflator");
      browser.shoot("home-fr-recall-in-english", Browser.DESKTOP);
    } finally {
      jdbc.sql("update drivecare.recall_campaign set defect_fr = ? where id = ?")
          .params("Le gonfleur peut se rompre.", campaignId).update();
    }
  }

  @Test
  void marcAnswersTheSurveyAfterHisRepairWithNoScoreChosenForHim() {
    launchCampaign();
    Customer marc = owners.get(3);
    LocalDate day = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(4);
    book(3, "PICKUP", day);
    String journey = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(campaignId + ":" + recalled.get(3).vin()).singleResult().getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(journey).taskDefinitionKey("Task_PerformRemedy")
        .singleResult().getId(), Map.of("remedyOutcome", "COMPLETED"));
    jobs.runDue(journey);
    try {
      jobs.fire(journey, "Timer_SurveyDelay");
    } finally {
      ClockUtil.reset();
    }
    String link = link(marc, "recall-survey");
    assertThat(link).contains("/self-service/#survey=");

    browser.size(Browser.PHONE);
    browser.open(link);
    browser.heading(t("fr", "survey.title"));
    // Marc reads French: the repair by the campaign's French title
    assertThat(browser.text()).contains("Aurora Sedan", "Gonfleur d'airbag", String.valueOf(day.getDayOfMonth()))
        .doesNotContain("Airbag inflator");
    assertThat(browser.driver().findElements(By.cssSelector("input[type=radio]"))).hasSize(5)
        .noneMatch(WebElement::isSelected);
    assertThat(browser.driver().findElements(By.cssSelector("main [lang]"))).isEmpty();
    browser.shoot("survey-fr", Browser.PHONE);

    // had the campaign no complete French facts, the English title, marked as English
    jdbc.sql("update drivecare.recall_campaign set defect_fr = null where id = ?").param(campaignId).update();
    try {
      browser.driver().navigate().refresh();
      browser.waitForText(By.cssSelector("main [lang=en]"), "Airbag inflator");
      assertThat(browser.driver().findElement(By.cssSelector(".sub")).getText()).startsWith("La réparation de sécurité")
          .contains("Airbag inflator");
      browser.shoot("survey-fr-title-in-english", Browser.PHONE);
    } finally {
      jdbc.sql("update drivecare.recall_campaign set defect_fr = ? where id = ?")
          .params("Le gonfleur peut se rompre.", campaignId).update();
    }
    browser.driver().navigate().refresh();
    browser.heading(t("fr", "survey.title"));

    browser.button(t("fr", "survey.send")).click();
    browser.waitForText(By.tagName("main"), t("fr", "survey.choose"));
    browser.label(t("fr", "survey.score.4")).click();
    field(t("fr", "survey.comment")).sendKeys("Rapide et aimable.");
    browser.button(t("fr", "survey.send")).click();
    browser.waitForText(By.id("notice"), t("fr", "survey.thanks"));
    assertThat(jdbc.sql("select score from drivecare.recall_survey where business_key = ?")
        .param(campaignId + ":" + recalled.get(3).vin()).query(Integer.class).single()).isEqualTo(4);
  }

  // ---------------------------------------------------------------------------------------------
  // is my car affected?

  @Test
  void aVisitorLooksUpAVinAndIsToldInWordsWhatIsWrongWithWhatHeTyped() {
    launchCampaign();
    browser.size(Browser.DESKTOP);
    browser.open("http://localhost:" + port + "/self-service/#view=lookup");
    browser.heading(t("en", "lookup.title"));
    WebElement vin = field(t("en", "lookup.vin"));

    String american = "1DCAR5EV1RA000101";
    char right = Vin.checkDigit(american);
    String mistyped = american.substring(0, 8) + (right == '7' ? '8' : '7') + american.substring(9);
    vin.sendKeys(mistyped);
    browser.button(t("en", "lookup.button")).click();
    browser.waitForText(By.cssSelector(".field-error"), t("en", "lookup.error.check", "expected", String.valueOf(right),
        "actual", String.valueOf(mistyped.charAt(8))));
    assertThat(vin.getAttribute("aria-invalid")).isEqualTo("true");
    vin.clear();
    vin.sendKeys("WDCAR5EV7SB0OO412");
    browser.button(t("en", "lookup.button")).click();
    browser.waitForText(By.cssSelector(".field-error"), t("en", "lookup.error.ioq", "position", "13", "char", "O"));

    vin.clear();
    String affected = recalled.get(4).vin();
    vin.sendKeys(affected.substring(0, 8).toLowerCase() + " " + affected.substring(8));
    browser.button(t("en", "lookup.button")).click();
    browser.waitForText(By.tagName("main"), t("en", "lookup.found", "vin", affected, "count", "1"));
    assertThat(browser.text()).contains("Airbag inflator", "Metal fragments may injure occupants.",
        t("en", "lookup.remedy.available"));
    assertThat(browser.driver().findElements(By.cssSelector(".field-error"))).isEmpty();
    browser.shoot("lookup-en", Browser.DESKTOP);

    browser.button("Français").click();
    browser.heading(t("fr", "lookup.title"));
    field(t("fr", "lookup.vin")).sendKeys(TestData.europeanVin());
    browser.button(t("fr", "lookup.button")).click();
    browser.waitForText(By.tagName("main"), t("fr", "lookup.none", "vin", "").substring(0, 20));
    browser.shoot("lookup-fr", Browser.PHONE);
  }

  // ---------------------------------------------------------------------------------------------
  // links that no longer open the file

  @Test
  void anExpiredLinkSaysSoAndSendsAFreshOneToTheAddressOnFile() {
    Customer customer = retentionCustomer("Thomas Becker", "en", "Europe/Berlin");
    Reservation reservation = testData.reservation(customer.id());
    String expired = tokens.issue(customer.id(), "test", Duration.ofSeconds(-1), "test").token();
    browser.size(Browser.PHONE);
    browser.open("http://localhost:" + port + "/self-service/#token=" + expired + "&view=reservation&case="
        + reservation.number());
    browser.heading(t("en", "link.expired"));
    browser.shoot("expired-en", Browser.PHONE);
    browser.button(t("en", "link.fresh.button")).click();
    browser.waitForText(By.id("notice"), t("en", "link.fresh.sent"));
    String fresh = link(customer, "access-link");
    assertThat(fresh).contains("view=reservation", "case=" + reservation.number()).doesNotContain(expired);

    Customer other = retentionCustomer("Someone Else", "en", "Europe/Berlin");
    browser.open("http://localhost:" + port + "/self-service/#token=" + testData.token(other.id())
        + "&view=reservation&case=" + reservation.number());
    browser.heading(t("en", "link.foreign"));
    assertThat(browser.text()).doesNotContain(reservation.number() + " ", "Aurora GT");
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** French money has no-break spaces (2 500,00 €); compared here as plain spaces. */
  private static String plain(String text) {
    return text.replace('\u202f', ' ').replace('\u00a0', ' ');
  }

  private String t(String lang, String key, String... values) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i + 1 < values.length; i += 2) {
      map.put(values[i], values[i + 1]);
    }
    return texts.text(lang, key, map);
  }

  /** The link in the customer's latest notification of this template, exactly as the outbox holds it. */
  private String link(Customer customer, String template) {
    String body = jdbc.sql("""
        select body from drivecare.outbox where customer_id = ? and template = ? order by id desc""")
        .params(customer.id(), template).query(String.class).list().stream().findFirst()
        .orElseThrow(() -> new AssertionError("no '" + template + "' for " + customer.name()));
    Matcher link = LINK.matcher(body);
    assertThat(link.find()).as("a link in " + body).isTrue();
    return link.group();
  }

  private Customer retentionCustomer(String name, String language, String zone) {
    String region = testData.freshRegion();
    testData.team(region);
    return testData.customer().named(name).speaking(language).inRegion(region, zone).create();
  }

  private Reservation cancellationRequested(Customer customer) {
    Reservation reservation = testData.reservation(customer.id());
    assertThat(Api.at(port).bearer(testData.token(customer.id())).post("/api/reservations/" + reservation.number()
        + "/cancellation", Map.of("reason", "Changed my mind")).status()).isEqualTo(201);
    jobs.runDueForBusinessKey(reservation.number());
    return reservation;
  }

  private String status(Reservation reservation) {
    return jdbc.sql("select status from drivecare.reservation where number = ?").param(reservation.number())
        .query(String.class).single();
  }

  private WebElement field(String label) {
    return browser.driver().findElement(By.id(browser.label(label).getAttribute("for")));
  }

  private WebElement dayLabel(String date) {
    return browser.driver().findElement(By.cssSelector(".days input[value='" + date + "']"))
        .findElement(By.xpath("./ancestor::label"));
  }

  /** Tabs through the page, as a keyboard user does, until the control with this text has the focus. */
  private void tabTo(String text) {
    browser.script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    for (int i = 0; i < 40; i++) {
      new Actions(browser.driver()).sendKeys(Keys.TAB).perform();
      if (text.equals(browser.driver().switchTo().activeElement().getText())) {
        return;
      }
    }
    throw new AssertionError("'" + text + "' cannot be reached with the keyboard");
  }

  private void makePilot(String region) {
    try (InputStream dmn = getClass().getResourceAsStream("/service/escalation-pilot.dmn")) {
      String xml = new String(dmn.readAllBytes(), StandardCharsets.UTF_8).replace("\"FR-IDF\"", "\"" + region + "\"");
      pilotDeployment = repositoryService.createDeployment().name("escalation-pilot with " + region + " (browser test)")
          .addString("escalation-pilot.dmn", xml).deploy().getId();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A launched campaign with five owners in a region of its own, one dealer slot and one mobile unit a day. */
  private void launchCampaign() {
    if (campaignId != null) {
      return;
    }
    recallRegion = testData.freshRegion();
    testData.staff(TestData.unique("advisor"), Groups.SERVICE_ADVISORS, recallRegion, null);
    String drafter = testData.staff(TestData.unique("rita"), Groups.RECALL_COORDINATORS, null, null);
    String approver = testData.staff(TestData.unique("victor"), Groups.RECALL_COORDINATORS, null, null);
    campaignId = ("R" + TestData.unique("").substring(1, 7)).toUpperCase();
    center = ("C" + TestData.unique("").substring(1, 9)).toUpperCase();
    Api.at(port).basic("test-admin", "test-admin-secret").put("/api/service-centers/" + center,
        Map.of("name", "Drivecare Atelier Bercy", "region", recallRegion, "dailySlots", 1, "mobileUnits", 1));
    campaigns.create(new RecallCampaignService.NewCampaign(campaignId, "Airbag inflator", "Driver airbag",
        "The inflator may rupture.", "Metal fragments may injure occupants.", "Replace the inflator.",
        List.of(RecallCampaign.RemedyOption.DEALER, RecallCampaign.RemedyOption.MOBILE, RecallCampaign.RemedyOption.PICKUP),
        2, new RecallCampaignService.Parts(true, null, List.of(new RecallCampaignService.RegionStock(recallRegion, 20, null))),
        new RecallCampaignService.FrenchFacts("Gonfleur d'airbag", "Airbag conducteur", "Le gonfleur peut se rompre.",
            "Des fragments métalliques peuvent blesser les occupants.", "Remplacement du gonfleur.")), drafter);
    String[][] people = {{"Linda Nguyen", "en"}, {"Owner Two", "en"}, {"Owner Three", "en"}, {"Marc Lefèvre", "fr"},
        {"Owner Five", "en"}};
    StringBuilder csv = new StringBuilder();
    for (String[] person : people) {
      Customer owner = testData.customer().named(person[0]).speaking(person[1]).inRegion(recallRegion, "Europe/Paris")
          .create();
      owners.add(owner);
      Vehicle vehicle = testData.vehicle(owner.id());
      recalled.add(vehicle);
      csv.append(vehicle.vin()).append('\n');
    }
    campaigns.importVehicles(campaignId, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
    jobs.runDue(NoticeApproval.approve(runtimeService, taskService, campaignId, drafter, approver));
  }

  private void book(int owner, String option, LocalDate day) {
    var answer = Api.at(port).bearer(testData.token(owners.get(owner).id())).post("/api/recalls/" + campaignId
        + "/vehicles/" + recalled.get(owner).vin() + "/appointment", Map.of("option", option, "serviceCenter", center,
        "date", day.toString()));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
  }

  private String appointmentDay(int owner) {
    return jdbc.sql("""
        select appointment_day from drivecare.recall_appointment where campaign_id = ? and vin = ? and status = 'BOOKED'""")
        .params(campaignId, recalled.get(owner).vin()).query(Date.class).optional().map(Object::toString)
        .orElse(null);
  }
}
