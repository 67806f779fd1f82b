package io.kumo.agent.driver.runc;

import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorDriverFactory;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.network.SecurityGroupSource;

/** {@code agent.driver: runc}: containers on this host (one host per agent process). */
public final class RuncDriverFactory implements HypervisorDriverFactory {

    private final RuncSettings settings;
    private final ImageSource images;
    private final SecurityGroupSource securityGroups;

    public RuncDriverFactory(RuncSettings settings, ImageSource images, SecurityGroupSource securityGroups) {
        this.settings = settings;
        this.images = images;
        this.securityGroups = securityGroups;
    }

    @Override
    public String name() {
        return RuncDriver.NAME;
    }

    @Override
    public HypervisorDriver create(String host) {
        return new RuncDriver(settings, images, securityGroups);
    }
}
