package io.kumo.volume;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** volume-service: Cinder v3 volumes, volume types, snapshots and quotas, kept by storage hosts' agents. */
@SpringBootApplication
public class VolumeApplication {

    public static void main(String[] args) {
        SpringApplication.run(VolumeApplication.class, args);
    }
}
