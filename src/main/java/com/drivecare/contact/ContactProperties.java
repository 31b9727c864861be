package com.drivecare.contact;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When customers may be called and messaged, in their own time zone. A region's calling window,
 * when set, overrides the default one.
 */
@ConfigurationProperties("drivecare.contact")
public record ContactProperties(
    @DefaultValue Window callingWindow,
    @DefaultValue Window messagingWindow) {

  public record Window(@DefaultValue("08:00") LocalTime start, @DefaultValue("21:00") LocalTime end) {
    public Window {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("A contact window must start before it ends: " + start + "–" + end);
      }
    }

    public boolean contains(LocalTime time) {
      return !time.isBefore(start) && time.isBefore(end);
    }
  }
}
