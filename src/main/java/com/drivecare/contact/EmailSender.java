package com.drivecare.contact;

import com.drivecare.customer.Channel;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP, or only to the log when the transport is {@code log}. The server is Spring Mail's
 * ({@code spring.mail.host}, {@code port}, {@code username}, {@code password}, {@code properties.*});
 * a group of messages goes over one connection ({@link Transport} kept open), with connect, read and
 * write timeouts so that a hung server fails the send instead of the dispatcher. Every e-mail carries
 * a {@code Message-ID} derived from its outbox row, the same on every send.
 */
@Component
class EmailSender implements ChannelSender {

  private static final String UTF_8 = "UTF-8";
  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);
  private static final ScheduledThreadPoolExecutor WRITE_TIMEOUTS = new ScheduledThreadPoolExecutor(1, r -> {
    Thread t = new Thread(r, "smtp-write-timeouts");
    t.setDaemon(true);
    return t;
  });

  static {
    // every write schedules its timeout and cancels it when done: drop cancelled ones at once
    WRITE_TIMEOUTS.setRemoveOnCancelPolicy(true);
  }

  private final ObjectProvider<JavaMailSenderImpl> mailSender;
  private final NotificationProperties properties;
  private volatile Session session;

  EmailSender(ObjectProvider<JavaMailSenderImpl> mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String deliver(OutboxMessage message) throws Exception {
    ChannelSender.Outcome outcome = deliverAll(List.of(message)).get(0);
    if (outcome instanceof ChannelSender.Outcome.Failed failed) {
      throw new MessagingException(failed.error());
    }
    return null;
  }

  @Override
  public List<ChannelSender.Outcome> deliverAll(List<OutboxMessage> messages) {
    List<ChannelSender.Outcome> outcomes = new ArrayList<>(messages.size());
    if ("log".equals(properties.email().transport())) {
      for (OutboxMessage message : messages) {
        LOG.info("E-mail to {} [{}]: {}\n{}", message.recipient(), message.language(), message.subject(), message.body());
        outcomes.add(new ChannelSender.Outcome.Delivered(null));
      }
      return outcomes;
    }
    JavaMailSenderImpl server = mailSender.getIfAvailable();
    if (server == null) {
      messages.forEach(m -> outcomes.add(new ChannelSender.Outcome.Failed("no SMTP server configured (spring.mail.host)")));
      return outcomes;
    }
    Transport transport = null;
    try {
      transport = session(server).getTransport(server.getProtocol() == null ? "smtp" : server.getProtocol());
      transport.connect(server.getHost(), server.getPort(), server.getUsername(), server.getPassword());
    } catch (MessagingException e) {
      // the server is unreachable or hung (connect timeout): a failed attempt for each, retried with backoff
      ChannelSender.Outcome failed = ChannelSender.Outcome.failed(e);
      messages.forEach(m -> outcomes.add(failed));
      close(transport);
      return outcomes;
    }
    try {
      for (int i = 0; i < messages.size(); i++) {
        OutboxMessage message = messages.get(i);
        MimeMessage mime;
        try {
          mime = mime(message);
        } catch (MessagingException e) {
          // this message cannot be written (an invalid address): it fails alone
          outcomes.add(ChannelSender.Outcome.failed(e));
          continue;
        }
        try {
          Address[] to = mime.getAllRecipients();
          transport.sendMessage(mime, to);
          outcomes.add(new ChannelSender.Outcome.Delivered(null));
        } catch (SendFailedException e) {
          // this recipient was refused; the connection carries on
          outcomes.add(ChannelSender.Outcome.failed(e));
        } catch (MessagingException e) {
          // the connection broke or timed out: this message failed, the rest wait for another connection
          outcomes.add(ChannelSender.Outcome.failed(e));
          for (int k = i + 1; k < messages.size(); k++) {
            outcomes.add(new ChannelSender.Outcome.Deferred(null, "not sent: the SMTP connection broke (" + e.getMessage() + ")"));
          }
          break;
        }
      }
    } finally {
      close(transport);
    }
    return outcomes;
  }

  private MimeMessage mime(OutboxMessage message) throws MessagingException {
    String domain = domain(properties.email().from());
    MimeMessage mime = new MimeMessage(session) {
      @Override
      protected void updateMessageID() throws MessagingException {
        // stable: a resend after a crash carries the same Message-ID as the first send
        setHeader("Message-ID", "<" + message.deliveryId() + "@" + domain + ">");
      }
    };
    // written with Jakarta Mail itself: Spring's MimeMessageHelper on a MimeMessage of our own loads the
    // MIME type map from every jar of the classpath for each message, which cost more CPU than the send
    mime.setFrom(address(properties.email().from()));
    mime.setRecipient(Message.RecipientType.TO, address(message.recipient()));
    mime.setSubject(message.subject(), UTF_8);
    mime.setText(message.body(), UTF_8);
    mime.setSentDate(Date.from(message.createdAt()));
    mime.setHeader("Content-Language", message.language());
    // lets a mail relay and the audit trail tie the e-mail to its outbox row
    mime.setHeader("X-Drivecare-Notification", message.idempotencyKey());
    mime.saveChanges();
    return mime;
  }

  /** One address, its display name in UTF-8 (as MimeMessageHelper writes it); more or none is an error of this message. */
  private static InternetAddress address(String value) throws MessagingException {
    InternetAddress[] parsed = InternetAddress.parse(value);
    if (parsed.length != 1) {
      throw new AddressException("not one address", value);
    }
    try {
      return parsed[0].getPersonal() == null ? parsed[0]
          : new InternetAddress(parsed[0].getAddress(), parsed[0].getPersonal(), UTF_8);
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Session session(JavaMailSenderImpl server) {
    if (session == null) {
      synchronized (this) {
        if (session == null) {
          Properties settings = new Properties();
          settings.putAll(server.getJavaMailProperties());
          String protocol = server.getProtocol() == null ? "smtp" : server.getProtocol();
          // explicit spring.mail.properties win; otherwise a hung server cannot hold a sender longer than these
          settings.putIfAbsent("mail." + protocol + ".connectiontimeout", millis(properties.email().connectTimeout()));
          settings.putIfAbsent("mail." + protocol + ".timeout", millis(properties.email().timeout()));
          settings.putIfAbsent("mail." + protocol + ".writetimeout", millis(properties.email().timeout()));
          // the write timeout's timer: one for every connection of this node, instead of a thread per connection
          settings.putIfAbsent("mail." + protocol + ".executor.writetimeout", WRITE_TIMEOUTS);
          session = Session.getInstance(settings);
        }
      }
    }
    return session;
  }

  private static String millis(Duration duration) {
    return Long.toString(duration.toMillis());
  }

  private static String domain(String from) {
    int at = from.lastIndexOf('@');
    return at < 0 ? "drivecare.local" : from.substring(at + 1).replace(">", "").trim();
  }

  private static void close(Transport transport) {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        LOG.debug("Closing the SMTP connection failed: {}", e.getMessage());
      }
    }
  }
}
