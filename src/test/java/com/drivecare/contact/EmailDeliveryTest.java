package com.drivecare.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.drivecare.Api;
import com.drivecare.TestData;
import com.drivecare.customer.Channel;
import com.drivecare.customer.Customer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** E-mail through a real SMTP server (GreenMail): delivered in the customer's language, retried when it fails. */
@AutoConfigureObservability
// a context of its own: its engine is named apart from the shared context's "default" (see DemoDataTest)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "camunda.bpm.process-engine-name=email",
    "drivecare.notifications.email.transport=smtp",
    "spring.mail.host=127.0.0.1"})
class EmailDeliveryTest {

  /** A free port, not GreenMail's fixed test port: other suites run on this machine at the same time. */
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());

  @DynamicPropertySource
  static void smtpPort(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Autowired NotificationService notifications;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired OutboxRepository outbox;
  @Autowired TransactionTemplate transaction;
  @Autowired TestData testData;
  @LocalServerPort int port;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void frenchCustomerGetsAFrenchEmail() throws Exception {
    Customer customer = testData.customer().named("Thierry Vasseur").speaking("fr")
        .email(TestData.unique("thierry") + "@example.fr").create();
    long id = request(customer);
    dispatcher.dispatchDue(List.of(id));

    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENT);
    MimeMessage mail = received(customer.email());
    assertThat(mail.getSubject()).isEqualTo("Votre lien personnel Drivecare");
    assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("fr");
    assertThat(mail.getContent().toString()).startsWith("Bonjour Thierry Vasseur").contains("/self-service/#token=dct_");
  }

  @Test
  void englishCustomerGetsAnEnglishEmail() throws Exception {
    Customer customer = testData.customer().named("James Carter").speaking("en")
        .inRegion(TestData.NA, "America/Los_Angeles").email(TestData.unique("james") + "@example.com").create();
    long id = request(customer);
    dispatcher.dispatchDue(List.of(id));
    MimeMessage mail = received(customer.email());
    assertThat(mail.getSubject()).isEqualTo("Your personal Drivecare link");
    assertThat(mail.getContent().toString()).startsWith("Dear James Carter");
  }

  @Test
  void failedDeliveryIsRetriedWithBackoffThenFailedVisiblyAndCanBeRetried() throws Exception {
    Customer customer = testData.customer().email(TestData.unique("down") + "@example.com").create();
    long id = request(customer);
    smtp.stop();

    Instant start = Instant.now();
    dispatcher.dispatchDue(List.of(id));
    OutboxMessage afterFirst = outbox.find(id).orElseThrow();
    assertThat(afterFirst.status()).isEqualTo(OutboxMessage.Status.PENDING);
    assertThat(afterFirst.attempts()).isEqualTo(1);
    assertThat(afterFirst.lastError()).isNotBlank();
    assertThat(afterFirst.nextAttemptAt()).isAfter(start.plus(Duration.ofSeconds(50)));

    dispatcher.dispatchDue(List.of(id)); // not due yet: nothing happens
    assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(1);

    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(2))));
    dispatcher.dispatchDue(List.of(id));
    assertThat(outbox.find(id).orElseThrow().attempts()).isEqualTo(2);
    ClockUtil.setCurrentTime(Date.from(start.plus(Duration.ofMinutes(5))));
    dispatcher.dispatchDue(List.of(id));
    OutboxMessage failed = outbox.find(id).orElseThrow();
    assertThat(failed.status()).isEqualTo(OutboxMessage.Status.FAILED);
    assertThat(failed.attempts()).isEqualTo(3);

    Api admin = Api.at(port).basic("test-admin", "test-admin-secret");
    assertThat(admin.get("/api/outbox?status=FAILED&customerId=" + customer.id()).json()).hasSize(1);
    assertThat(admin.get("/actuator/prometheus").body()).contains("drivecare_outbox_messages{status=\"FAILED\"}");

    smtp.start();
    assertThat(admin.post("/api/outbox/" + id + "/retry", "").status()).isEqualTo(202);
    assertThat(admin.post("/api/outbox/" + id + "/retry", "").status()).isEqualTo(409);
    dispatcher.dispatchDue(List.of(id));
    assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(OutboxMessage.Status.SENT);
    assertThat(received(customer.email()).getSubject()).isNotBlank();
  }

  private long request(Customer customer) {
    return transaction.execute(s -> notifications.request(new NotificationRequest("access-link", customer.id(),
        "customer-" + customer.id(), TestData.unique("key"), Channel.EMAIL, null, Map.of(), true))).orElseThrow();
  }

  private static MimeMessage received(String recipient) throws Exception {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> {
          try {
            return m.getAllRecipients()[0].toString().equals(recipient);
          } catch (MessagingException e) {
            return false;
          }
        })
        .findFirst().orElseThrow(() -> new AssertionError("No e-mail to " + recipient));
  }
}
