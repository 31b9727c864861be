package com.drivecare.contact;

import com.drivecare.platform.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{businessKey}/view}: the case as every task of it shows it — the Tasklist tab
 * "Case" reads it with the agent's Tasklist session ({@code TasklistSessionAuthenticationFilter}),
 * other clients with HTTP Basic. Staff only; region rules apply.
 */
@RestController
class CaseViewController {

  private final CaseViewService views;

  CaseViewController(CaseViewService views) {
    this.views = views;
  }

  @GetMapping("/api/cases/{businessKey}/view")
  CaseView view(@PathVariable String businessKey) {
    return views.view(businessKey, Caller.current());
  }
}
