package io.kumo.common.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real MySQL-compatible server and RabbitMQ that integration tests use. By default
 * ({@code kumo.test.infrastructure=auto}) the machine's own servers when they answer — as on the
 * development and CI machines, where {@code ./kumo test} starts them — else, where a Docker engine runs,
 * MariaDB and RabbitMQ containers started once per test JVM (Testcontainers). {@code local} and
 * {@code testcontainers} force one; {@code kumo.test.db.url} and {@code kumo.test.amqp.url} name the
 * local servers.
 */
public final class TestInfrastructure {

    private static final Set<String> FRESH = ConcurrentHashMap.newKeySet();
    private static volatile Containers containers;

    private TestInfrastructure() {
    }

    public static String serverUrl() {
        Containers c = containers();
        return c != null ? "jdbc:mariadb://" + c.db.getHost() + ":" + c.db.getMappedPort(3306) + "/"
                : System.getProperty("kumo.test.db.url", "jdbc:mariadb://127.0.0.1:3306/");
    }

    public static String dbUser() {
        return containers() != null ? "root" : System.getProperty("kumo.test.db.user", "root");
    }

    public static String dbPassword() {
        return containers() != null ? Containers.ROOT_PASSWORD : System.getProperty("kumo.test.db.password", "");
    }

    public static String amqpUrl() {
        Containers c = containers();
        return c != null ? c.broker.getAmqpUrl()
                : System.getProperty("kumo.test.amqp.url", "amqp://guest:guest@127.0.0.1:5672");
    }

    private static volatile Boolean local;

    private static Containers containers() {
        if (local == null) {
            String mode = System.getProperty("kumo.test.infrastructure", "auto");
            local = mode.equals("local") || (mode.equals("auto") && localServersAnswer());
        }
        if (local) {
            return null;
        }
        if (containers == null) {
            synchronized (TestInfrastructure.class) {
                if (containers == null) {
                    containers = Containers.start();
                }
            }
        }
        return containers;
    }

    private static boolean localServersAnswer() {
        return answers(System.getProperty("kumo.test.db.url", "jdbc:mariadb://127.0.0.1:3306/"), 3306)
                && answers(System.getProperty("kumo.test.amqp.url", "amqp://guest:guest@127.0.0.1:5672"), 5672);
    }

    private static boolean answers(String url, int defaultPort) {
        java.net.URI uri = java.net.URI.create(url.startsWith("jdbc:") ? url.substring(5) : url);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? defaultPort : uri.getPort()),
                    500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** MariaDB and RabbitMQ in containers, for machines with Docker but without the local servers. */
    private static final class Containers {
        static final String ROOT_PASSWORD = "kumo-test";
        final org.testcontainers.mariadb.MariaDBContainer db;
        final org.testcontainers.rabbitmq.RabbitMQContainer broker;

        private Containers(org.testcontainers.mariadb.MariaDBContainer db,
                org.testcontainers.rabbitmq.RabbitMQContainer broker) {
            this.db = db;
            this.broker = broker;
        }

        static Containers start() {
            if (!org.testcontainers.DockerClientFactory.instance().isDockerAvailable()) {
                throw new IllegalStateException("Integration tests need MariaDB on 127.0.0.1:3306 and RabbitMQ on "
                        + "127.0.0.1:5672 (./kumo test starts them), or a Docker engine for Testcontainers.");
            }
            var db = new org.testcontainers.mariadb.MariaDBContainer("mariadb:10.11")
                    .withUsername("root").withPassword(ROOT_PASSWORD);
            var broker = new org.testcontainers.rabbitmq.RabbitMQContainer("rabbitmq:3.13-management");
            db.start();
            broker.start();
            return new Containers(db, broker);
        }
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
