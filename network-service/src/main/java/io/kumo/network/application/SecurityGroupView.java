package io.kumo.network.application;

import io.kumo.network.persistence.SecurityGroup;
import io.kumo.network.persistence.SecurityGroupRule;
import java.util.List;

/** A security group with its rules, as the API shows it. */
public record SecurityGroupView(SecurityGroup group, List<SecurityGroupRule> rules) {
}
