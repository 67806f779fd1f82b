package io.kumo.agent.driver.libvirt;

import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorDriverFactory;
import io.kumo.agent.driver.ImageSource;
import io.kumo.agent.network.SecurityGroupSource;

/** {@code agent.driver: libvirt}: VMs on this host (one host per agent process). */
public final class LibvirtDriverFactory implements HypervisorDriverFactory {

    private final LibvirtSettings settings;
    private final ImageSource images;
    private final SecurityGroupSource securityGroups;

    public LibvirtDriverFactory(LibvirtSettings settings, ImageSource images, SecurityGroupSource securityGroups) {
        this.settings = settings;
        this.images = images;
        this.securityGroups = securityGroups;
    }

    @Override
    public String name() {
        return LibvirtDriver.NAME;
    }

    @Override
    public HypervisorDriver create(String host) {
        return new LibvirtDriver(settings, images, securityGroups);
    }
}
