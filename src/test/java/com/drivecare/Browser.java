package com.drivecare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium) for the self-service page's browser tests: one per test class. Nothing is downloaded:
 * the driver and the browser are the installed ones. Where they are not installed the tests are
 * skipped, with the reason. Screenshots go to {@code target/self-service-screenshots/}.
 */
public final class Browser implements AutoCloseable {

  public static final Path CHROMIUM = Path.of(System.getProperty("drivecare.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getProperty("drivecare.chromedriver", "/usr/bin/chromedriver"));
  public static final Dimension PHONE = new Dimension(390, 844);
  public static final Dimension DESKTOP = new Dimension(1440, 900);
  public static final Path SCREENSHOTS = Path.of("target", "self-service-screenshots");

  private final ChromeDriver driver;
  private final Path profile;
  private final WebDriverWait wait;
  private final String base;

  private Browser(ChromeDriver driver, Path profile, String base) {
    this.driver = driver;
    this.profile = profile;
    this.base = base;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  /** Starts the browser, or skips the calling test class when Chromium or its driver is not installed. */
  public static Browser start(int port) {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Chromium browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER
            + " are needed (Debian: apt-get install chromium chromium-driver; .ci/run installs them)");
    try {
      Path profile = Files.createTempDirectory("drivecare-chromium-");
      // the installed driver: Selenium Manager has nothing to look up or download
      System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
          "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars", "--lang=en-US",
          "--user-data-dir=" + profile, "--window-size=" + PHONE.width + "," + PHONE.height);
      // the browser says English: a French customer must still get French, from his own file
      Path downloads = Files.createDirectories(profile.resolve("downloads"));
      options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en",
          "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
      ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
          .usingAnyFreePort().build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
          downloads.toString()));
      return new Browser(driver, profile, "http://localhost:" + port);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where files the page downloads (the calendar file) land. */
  public Path downloads() {
    return profile.resolve("downloads");
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens a link as a fresh visit: nothing kept from an earlier link of another customer. */
  public void open(String url) {
    driver.get(base + "/self-service/self-service.css");
    driver.executeScript("sessionStorage.clear(); localStorage.clear();");
    driver.get(url);
  }

  public void size(Dimension size) {
    driver.manage().window().setSize(size);
  }

  public WebElement waitFor(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void waitForText(By by, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public void waitUntil(Function<ChromeDriver, Boolean> condition) {
    wait.until(d -> condition.apply(driver));
  }

  /** The page has rendered its view (the h1) and is not busy loading. */
  public WebElement heading(String text) {
    waitForText(By.tagName("h1"), text);
    wait.until(d -> "false".equals(d.findElement(By.id("view")).getAttribute("aria-busy")));
    return driver.findElement(By.tagName("h1"));
  }

  public WebElement button(String text) {
    return waitFor(By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]"));
  }

  public WebElement label(String text) {
    return waitFor(By.xpath("//label[contains(normalize-space(), " + xpathLiteral(text) + ")]"));
  }

  public String notice() {
    return driver.findElement(By.id("notice")).getText();
  }

  public String text() {
    return driver.findElement(By.tagName("main")).getText();
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * Screenshots of the page as it is, whole, on a phone and on a desktop ({@code <name>-phone.png},
   * {@code <name>-desktop.png}), checking at 360 px, 390 px and 1440 px that nothing scrolls sideways,
   * that every control has a label and that text meets WCAG AA contrast. Ends at {@code back}.
   */
  public void shoot(String name, Dimension back) {
    try {
      Files.createDirectories(SCREENSHOTS);
      size(new Dimension(360, 740));
      assertAccessible(name + " at 360 px");
      for (var shot : List.of(Map.entry("phone", PHONE), Map.entry("desktop", DESKTOP))) {
        size(shot.getValue());
        assertAccessible(name + " at " + shot.getValue().width + " px");
        long height = ((Number) script("return Math.ceil(document.documentElement.scrollHeight)")).longValue();
        size(new Dimension(shot.getValue().width, (int) Math.max(shot.getValue().height, Math.min(height, 6000))));
        script("window.scrollTo(0, 0)");
        File png = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SCREENSHOTS.resolve(name + "-" + shot.getKey() + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } finally {
      size(back);
    }
  }

  /** No sideways scroll, a label on every control, AA contrast of every visible text. */
  public void assertAccessible(String where) {
    assertThat(((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
        .intValue()).as("horizontal scroll of %s", where).isLessThanOrEqualTo(0);
    @SuppressWarnings("unchecked")
    List<String> unlabelled = (List<String>) script("""
        return [...document.querySelectorAll('input, select, textarea, button')]
          .filter(e => e.offsetParent !== null)
          .filter(e => e.tagName === 'BUTTON' ? !e.textContent.trim() && !e.getAttribute('aria-label')
                                               : e.labels.length === 0 && !e.getAttribute('aria-label'))
          .map(e => e.outerHTML.slice(0, 120));""");
    assertThat(unlabelled).as("controls without a label in %s", where).isEmpty();
    @SuppressWarnings("unchecked")
    List<String> lowContrast = (List<String>) script(CONTRAST);
    assertThat(lowContrast).as("text below WCAG AA contrast in %s", where).isEmpty();
  }

  /** Each visible text's colour against the first opaque background behind it: 4.5:1, or 3:1 for large text. */
  private static final String CONTRAST = """
      const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
      const bg = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || c[3] > 0.99) { return c.slice(0, 3); } } return [255, 255, 255]; };
      const bad = [];
      for (const e of document.querySelectorAll('body *')) {
        const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (!own || e.offsetParent === null) { continue; }
        const s = getComputedStyle(e);
        if (s.visibility === 'hidden' || Number(s.opacity) < 1) { continue; }
        const a = lum(rgb(s.color)), b = lum(bg(e));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(s.fontSize), bold = Number(s.fontWeight) >= 700;
        const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
        if (ratio < need) { bad.push(e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2)); }
      }
      return bad;""";

  private static String xpathLiteral(String text) {
    if (!text.contains("'")) {
      return "'" + text + "'";
    }
    return "concat('" + text.replace("'", "', \"'\", '") + "')";
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary profile left behind is harmless
    }
  }
}
