package io.kumo.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a new password must satisfy (Keystone's {@code [security_compliance]} password rules):
 * a minimum length, not the user name, and optionally a regular expression with a human description.
 */
public record PasswordPolicy(int minLength, int maxLength, String pattern, String patternDescription) {

    /** bcrypt reads at most 72 bytes of a secret; a longer one would be silently truncated or refused. */
    public static final int MAX_HASHED_BYTES = 72;

    public List<String> violations(String userName, String password) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < minLength) {
            problems.add("Password must be at least " + minLength + " characters long");
            return problems;
        }
        if (password.length() > maxLength || password.getBytes(StandardCharsets.UTF_8).length > MAX_HASHED_BYTES) {
            problems.add("Password must be at most " + Math.min(maxLength, MAX_HASHED_BYTES)
                    + " characters (" + MAX_HASHED_BYTES + " bytes) long");
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
