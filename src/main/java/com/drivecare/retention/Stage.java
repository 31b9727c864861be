package com.drivecare.retention;

import com.drivecare.people.Groups;

/** The rungs of the ladder, in order. Attempts per rung come from the {@code retention-ladder} decision. */
public enum Stage {
  CASE_OWNER("Case owner", Groups.CASE_OWNERS),
  MANAGER("Manager", Groups.MANAGERS),
  REGIONAL_MANAGER("Regional manager", Groups.REGIONAL_MANAGERS);

  private final String label;
  private final String group;

  Stage(String label, String group) {
    this.label = label;
    this.group = group;
  }

  public String label() {
    return label;
  }

  public String group() {
    return group;
  }
}
