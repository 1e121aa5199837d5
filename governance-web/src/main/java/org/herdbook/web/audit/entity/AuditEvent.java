package org.herdbook.web.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.herdbook.web.persistence.NullableUuid;

/** One line of the audit log. Written once; the database refuses updates and deletes. */
@Entity
@Table(schema = "governance", name = "audit_event")
@NamedQuery(name = AuditEvent.NEWEST, query = "SELECT e FROM AuditEvent e ORDER BY e.id DESC")
@NamedQuery(name = AuditEvent.ABOUT, query = "SELECT e FROM AuditEvent e WHERE e.subjectId = :account OR e.actorId = :account ORDER BY e.id")
public class AuditEvent {

    public static final String NEWEST = "AuditEvent.newest";
    public static final String ABOUT = "AuditEvent.about";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(updatable = false)
    private Long id;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private OffsetDateTime occurredAt;
    @Convert(converter = NullableUuid.class)
    @Column(name = "actor_id", updatable = false)
    private UUID actorId;
    @Column(nullable = false, updatable = false)
    private String action;
    @Convert(converter = NullableUuid.class)
    @Column(name = "subject_id", updatable = false)
    private UUID subjectId;
    @Column(nullable = false, updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(UUID actorId, String action, UUID subjectId, String detail) {
        this.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        this.actorId = actorId;
        this.action = action;
        this.subjectId = subjectId;
        this.detail = detail == null ? "" : detail;
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getOccurredAt() {
        return occurredAt;
    }

    public UUID getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public UUID getSubjectId() {
        return subjectId;
    }

    public String getDetail() {
        return detail;
    }
}
