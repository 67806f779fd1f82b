package io.kumo.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.kumo.common.messaging.jpa.Inbox;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The idempotent inbox of common, on the real database: a redelivered message is recognised. */
class InboxIT extends IdentityIT {

    @Autowired
    Inbox inbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aMessageIsAppliedOncePerConsumer() {
        String message = UUID.randomUUID().toString();
        assertThat(deliver("test-consumer", message)).isTrue();
        assertThat(deliver("test-consumer", message)).isFalse();
        assertThat(deliver("other-consumer", message)).isTrue();
    }

    @Test
    void aRolledBackApplicationLeavesTheMessageUnseen() {
        String message = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> {
            inbox.firstDelivery("test-consumer", message);
            s.setRollbackOnly();
        });
        assertThat(deliver("test-consumer", message)).isTrue();
    }

    private boolean deliver(String consumer, String message) {
        Boolean first = transactions.execute(s -> inbox.firstDelivery(consumer, message));
        return Boolean.TRUE.equals(first);
    }
}
