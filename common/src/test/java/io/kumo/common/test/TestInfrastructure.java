package io.kumo.common.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real MySQL-compatible server and RabbitMQ that integration tests use: the machine's local
 * servers by default ({@code kumo.test.db.url}, {@code kumo.test.amqp.url} override them, e.g. with
 * Testcontainers-provided ones on a machine with a Docker engine).
 */
public final class TestInfrastructure {

    private static final Set<String> FRESH = ConcurrentHashMap.newKeySet();

    private TestInfrastructure() {
    }

    public static String serverUrl() {
        return System.getProperty("kumo.test.db.url", "jdbc:mariadb://127.0.0.1:3306/");
    }

    public static String dbUser() {
        return System.getProperty("kumo.test.db.user", "root");
    }

    public static String dbPassword() {
        return System.getProperty("kumo.test.db.password", "");
    }

    public static String amqpUrl() {
        return System.getProperty("kumo.test.amqp.url", "amqp://guest:guest@127.0.0.1:5672");
    }

    /**
     * A JDBC URL of an empty database of that name, dropped and recreated once per test JVM so every
     * run starts from the Flyway migrations, as a new deployment does.
     */
    public static String freshDatabase(String name) {
        if (FRESH.add(name)) {
            try (Connection c = DriverManager.getConnection(serverUrl(), dbUser(), dbPassword());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS `" + name + "`");
                s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            } catch (SQLException e) {
                throw new IllegalStateException("Integration tests need the MySQL/MariaDB server at " + serverUrl()
                        + " (./kumo test starts it): " + e.getMessage(), e);
            }
        }
        return serverUrl() + name;
    }
}
