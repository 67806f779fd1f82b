package io.kumo.common.messaging.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message written in the same transaction as the state change it announces, waiting to be relayed. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {

    @Id
    private String id;
    private String exchange;
    @Column(name = "routing_key")
    private String routingKey;
    @Column(name = "message_type")
    private String messageType;
    @Column(name = "type_version")
    private int typeVersion;
    private String payload;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    private int attempts;

    protected OutboxMessage() {
    }

    public OutboxMessage(String id, String exchange, String routingKey, String messageType, int typeVersion,
            String payload, Instant createdAt) {
        this.id = id;
        this.exchange = exchange;
        this.routingKey = routingKey;
        this.messageType = messageType;
        this.typeVersion = typeVersion;
        this.payload = payload;
        this.createdAt = createdAt;
    }

    public void markPublished(Instant when) {
        this.publishedAt = when;
    }

    public void markFailedAttempt() {
        this.attempts++;
    }

    public String id() {
        return id;
    }

    public String exchange() {
        return exchange;
    }

    public String routingKey() {
        return routingKey;
    }

    public String messageType() {
        return messageType;
    }

    public int typeVersion() {
        return typeVersion;
    }

    public String payload() {
        return payload;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public int attempts() {
        return attempts;
    }
}
