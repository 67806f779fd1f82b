package io.kumo.identity.domain;

/** What the caller proves its identity with: one of Keystone's auth methods. */
public sealed interface Credentials {

    String method();

    record Password(UserRef user, String password) implements Credentials {
        @Override
        public String method() {
            return "password";
        }

        @Override
        public String toString() {
            return "Password[user=" + user + "]";
        }
    }

    record Token(String token) implements Credentials {
        @Override
        public String method() {
            return "token";
        }

        @Override
        public String toString() {
            return "Token[***]";
        }
    }

    record ApplicationCredential(String id, String name, UserRef user, String secret) implements Credentials {
        @Override
        public String method() {
            return "application_credential";
        }

        @Override
        public String toString() {
            return "ApplicationCredential[id=" + id + ", name=" + name + "]";
        }
    }
}
