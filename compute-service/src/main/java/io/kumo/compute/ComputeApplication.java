package io.kumo.compute;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** compute-service: Nova v2.1 flavors, keypairs, compute services and (next) servers. */
@SpringBootApplication
public class ComputeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComputeApplication.class, args);
    }
}
