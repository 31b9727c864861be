package com.drivecare.recall;

import static com.drivecare.platform.ApiAccessRules.path;

import com.drivecare.people.Groups;
import com.drivecare.platform.ApiAccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call the recall endpoints beyond the defaults: the public lookups, set-up by coordinators. */
@Component
class RecallAccessRules implements ApiAccessRules {

  @Override
  public void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules) {
    rules
        // "is my car affected?" is public (rate-limited, no personal data); so is what a survey link is
        // about and its answer (the survey token is the credential)
        .requestMatchers(path(HttpMethod.GET, "/api/recalls"), path(HttpMethod.GET, "/api/surveys/{token}"),
            path(HttpMethod.POST, "/api/surveys/{token}")).permitAll()
        .requestMatchers(path(HttpMethod.PUT, "/api/service-centers/**")).hasRole(Groups.ADMINS)
        // recall campaigns are set up by recall coordinators
        .requestMatchers(path(HttpMethod.POST, "/api/recall-campaigns"), path(HttpMethod.POST, "/api/recall-campaigns/**"))
        .hasAnyRole(Groups.RECALL_COORDINATORS, Groups.ADMINS);
  }
}
