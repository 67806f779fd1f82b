package io.kumo.common.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Proof that a consumer already applied a message; written in the same transaction as the effect. */
@Entity
@Table(name = "inbox")
public class InboxEntry {

    @Id
    private String id;
    @Column(name = "received_at")
    private Instant receivedAt;

    protected InboxEntry() {
    }

    public InboxEntry(String consumer, String messageId, Instant receivedAt) {
        this.id = key(consumer, messageId);
        this.receivedAt = receivedAt;
    }

    public static String key(String consumer, String messageId) {
        return consumer + '/' + messageId;
    }
}
