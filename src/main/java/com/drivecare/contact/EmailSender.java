package com.drivecare.contact;

import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (Spring Mail), or only to the log when the transport is {@code log}. */
@Component
class EmailSender implements ChannelSender {

  private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

  private final JavaMailSender mailSender;
  private final NotificationProperties properties;

  EmailSender(JavaMailSender mailSender, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.properties = properties;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public String deliver(OutboxMessage message) throws Exception {
    if ("log".equals(properties.email().transport())) {
      LOG.info("E-mail to {} [{}]: {}\n{}", message.recipient(), message.language(), message.subject(), message.body());
      return null;
    }
    MimeMessage mime = mailSender.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
    helper.setFrom(properties.email().from());
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.body());
    mime.setHeader("Content-Language", message.language());
    // lets a mail relay and the audit trail tie the e-mail to its outbox row
    mime.setHeader("X-Drivecare-Notification", message.idempotencyKey());
    mailSender.send(mime);
    return null;
  }
}
