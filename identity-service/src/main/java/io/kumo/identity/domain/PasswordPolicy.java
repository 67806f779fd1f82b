package io.kumo.identity.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a new password must satisfy (Keystone's {@code [security_compliance]} password rules):
 * a minimum length, not the user name, and optionally a regular expression with a human description.
 */
public record PasswordPolicy(int minLength, int maxLength, String pattern, String patternDescription) {

    public List<String> violations(String userName, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            problems.add("Password must be at least " + minLength + " characters long");
            return problems;
        }
        if (password.length() > maxLength) {
            problems.add("Password must be at most " + maxLength + " characters long");
        }
        if (password.equalsIgnoreCase(userName)) {
            problems.add("Password must not be the user name");
        }
        if (pattern != null && !pattern.isBlank() && !Pattern.compile(pattern).matcher(password).matches()) {
            problems.add(patternDescription == null || patternDescription.isBlank()
                    ? "Password does not match the required pattern" : patternDescription);
        }
        return problems;
    }
}
