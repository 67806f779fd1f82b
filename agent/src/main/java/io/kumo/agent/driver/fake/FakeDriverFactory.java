package io.kumo.agent.driver.fake;

import io.kumo.agent.driver.HypervisorDriver;
import io.kumo.agent.driver.HypervisorDriverFactory;

/** {@code agent.driver: fake}: every host gets its own {@link FakeDriver} with the same settings. */
public final class FakeDriverFactory implements HypervisorDriverFactory {

    private final FakeDriverSettings settings;

    public FakeDriverFactory(FakeDriverSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return FakeDriver.NAME;
    }

    @Override
    public HypervisorDriver create(String host) {
        return new FakeDriver(settings);
    }
}
