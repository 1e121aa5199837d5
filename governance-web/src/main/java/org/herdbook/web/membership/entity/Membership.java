package org.herdbook.web.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** A person's membership: which class they belong to. Their standing is in {@link StandingChange}s. */
@Entity
@Table(schema = "governance", name = "membership")
public class Membership {

    @Id
    @Column(name = "account_id")
    private UUID accountId;
    @Column(name = "member_class", nullable = false)
    private String memberClass;
    @Column(name = "applied_at", nullable = false, updatable = false)
    private OffsetDateTime appliedAt;

    protected Membership() {
    }

    public Membership(UUID accountId, MemberClass memberClass) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.memberClass = memberClass.code();
        this.appliedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID getAccountId() {
        return accountId;
    }

    public MemberClass getMemberClass() {
        return MemberClass.ofCode(memberClass).orElseThrow();
    }

    public void changeClass(MemberClass newClass) {
        this.memberClass = newClass.code();
    }

    public OffsetDateTime getAppliedAt() {
        return appliedAt;
    }
}
