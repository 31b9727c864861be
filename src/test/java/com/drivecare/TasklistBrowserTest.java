package com.drivecare;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.customer.Customer;
import com.drivecare.customer.Reservation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist in a real browser (Debian's headless Chromium): a case owner logs in, finds his task by
 * the customer's name with Tasklist's search, opens it and reads the case in the "Case" tab — the
 * customer card and the timeline. Screenshots go to {@code target/tasklist-screenshots/}. Skipped
 * when Chromium or its driver is not installed.
 */
@DrivecareTest
class TasklistBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "tasklist-screenshots");

  @LocalServerPort int port;
  @Autowired TestData testData;
  @Autowired Jobs jobs;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  WebDriver browser;
  Path profile;

  @BeforeEach
  void startBrowser() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium (/usr/bin/chromium) and chromedriver (/usr/bin/chromedriver) are not installed");
    profile = Files.createTempDirectory("drivecare-chromium");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toString()).addArguments("--headless",
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=1440,1300", "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withEnvironment(Map.of("TZ", "Europe/Paris")).build(); // an agent in Paris
    browser = new ChromeDriver(service, options);
    browser.manage().window().setSize(new Dimension(1440, 1300));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void stopBrowser() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void caseOwnerFindsHisTaskByTheCustomersNameAndReadsTheCase() throws IOException {
    String region = testData.freshRegion();
    TestData.Team team = testData.team(region);
    Customer customer = testData.customer().named("James Carter").inRegion(region, "America/Los_Angeles")
        .speaking("en").create();
    Reservation reservation = testData.reservation(customer.id());
    Api.at(port).bearer(testData.token(customer.id()))
        .post("/api/reservations/" + reservation.number() + "/cancellation", Map.of("reason", "Delivery too late"));
    String key = reservation.number();
    jobs.runDueForBusinessKey(key);
    for (int i = 0; i < 3 && taskService.createTaskQuery().processInstanceBusinessKey(key).count() == 0; i++) {
      String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId();
      managementService.createJobQuery().processInstanceId(pi).timers().list()
          .forEach(j -> managementService.executeJob(j.getId()));
      jobs.runDueForBusinessKey(key);
    }
    // a second task of the same owner, for another customer: the search must tell them apart
    Customer other = testData.customer().named("Linda Nguyen").inRegion(region, "America/Los_Angeles").create();
    Reservation otherReservation = testData.reservation(other.id());
    Api.at(port).bearer(testData.token(other.id()))
        .post("/api/reservations/" + otherReservation.number() + "/cancellation", Map.of("reason", "Moving"));
    jobs.runDueForBusinessKey(otherReservation.number());

    String base = "http://localhost:" + port + "/camunda/app/tasklist/default/";
    browser.get(base);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")))
        .sendKeys(team.owner());
    browser.findElement(By.cssSelector("input[type=password]")).sendKeys(TestData.password(team.owner()));
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[normalize-space(text())=\"My group's tasks\"]")));

    // Tasklist's search: the task variable customerName like "James" (what the search pill holds)
    String search = "[{\"type\":\"taskVariables\",\"operator\":\"like\",\"value\":\"James\",\"name\":\"customerName\"}]";
    browser.get(base + "#/?searchQuery=" + URLEncoder.encode(search, StandardCharsets.UTF_8));
    WebElement card = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//li[contains(@class,'task')][.//*[contains(normalize-space(.),'James Carter')]]")));
    // the card's variables: the first ones at once, all of them when expanded
    card.findElement(By.cssSelector("a.glyphicon-menu-down")).click();
    wait.until(d -> card.getText().contains("Why now"));
    screenshot("tasklist-search-by-customer.png");
    assertThat(browser.findElements(By.xpath("//li[contains(@class,'task')][.//*[@data-plugin-id]]"))).hasSize(1);
    assertThat(card.getText()).contains("James Carter", key, "Case owner attempt 1 of 4").doesNotContain("Linda");

    card.findElement(By.cssSelector("a")).click();
    WebElement tab = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Case']")));
    // the form: the number to call and his local time now, in words
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class,'fjs-form')]")));
    wait.until(d -> form.getText().contains("Los Angeles time"));
    assertThat(form.getText()).contains("James Carter", customer.phone(), "Case owner attempt 1 of 4")
        .doesNotContain("America/Los_Angeles", "CANCELLATION_REQUESTED");
    screenshot("tasklist-retention-call-form.png");
    tab.click();
    WebElement view = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dc-case-view")));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dc-timeline li")));
    assertThat(view.getText()).contains("Case " + key, "James Carter", customer.phone(), "Los Angeles time",
        "asked to cancel the reservation", "Call customer");
    // the case is about the reserved car: the tab names it, with the reservation's number, status and deposit
    WebElement reserved = view.findElement(By.cssSelector(".dc-reservation"));
    assertThat(reserved.getText()).contains("Reserved car", "Aurora GT", key, "cancellation requested", "€2,500");
    List<WebElement> timeline = view.findElements(By.cssSelector(".dc-timeline li"));
    assertThat(timeline).isNotEmpty();
    screenshot("tasklist-case-view.png");

    // and the call is recorded from the form: what the form shows is no input, so the completion passes the guard
    browser.findElement(By.xpath("//a[normalize-space(.)='Form']")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//label[.//*[normalize-space(.)='Not reached']]"
        + " | //label[normalize-space(.)='Not reached']"))).click();
    browser.findElement(By.xpath("//button[normalize-space(.)='Complete']")).click();
    wait.until(d -> taskService.createTaskQuery().processInstanceBusinessKey(key).taskDefinitionKey("Task_CaseOwnerCall")
        .taskAssignee(team.owner()).count() == 0);
  }

  @RegisterExtension
  final TestWatcher keepEvidence = new TestWatcher() {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      try {
        screenshot("failed.png");
        Files.writeString(SCREENSHOTS.resolve("failed.html"), browser.getPageSource());
      } catch (Exception e) {
        // the failure itself is what matters
      }
    }
  };

  private void screenshot(String name) throws IOException {
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    Files.write(SCREENSHOTS.resolve(name), png);
  }
}
