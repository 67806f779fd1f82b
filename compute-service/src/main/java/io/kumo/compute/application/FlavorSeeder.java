package io.kumo.compute.application;

import io.kumo.compute.domain.Flavor;
import io.kumo.compute.persistence.FlavorRecords;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new cloud starts with the usual m1.* flavors (as devstack creates them), so {@code server create
 * --flavor m1.tiny} works right after {@code ./kumo up}. Runs only when there are no flavors at all:
 * flavors an operator deleted never come back.
 */
public class FlavorSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FlavorSeeder.class);

    private final FlavorRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final List<Flavor> defaults;

    public FlavorSeeder(FlavorRecords records, TransactionTemplate transactions, Clock clock, List<String> specs) {
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.defaults = specs.stream().map(FlavorSeeder::parse).toList();
    }

    /** {@code name:vcpus:ram_mb:disk_gb}; the flavorid is the name, readable in CLI output. */
    static Flavor parse(String spec) {
        String[] parts = spec.split(":");
        if (parts.length != 4) {
            throw new IllegalArgumentException("compute.default-flavors entry '" + spec
                    + "' is not name:vcpus:ram_mb:disk_gb");
        }
        return new Flavor(parts[0], parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]), 0, 0, 1.0, true, false, Map.of());
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            transactions.executeWithoutResult(tx -> {
                if (records.countAll() > 0) {
                    return;
                }
                defaults.forEach(f -> records.insert(f, clock.instant()));
                log.info("Created the default flavors {}", defaults.stream().map(Flavor::name).toList());
            });
        } catch (DuplicateKeyException e) {
            log.info("Another compute-service instance created the default flavors first");
        }
    }
}
