package org.herdbook.web.membership.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The contribution a project membership rests on, as the board granted it. */
@Entity
@Table(schema = "governance", name = "project_contribution")
@NamedQuery(name = ProjectContribution.OF_ACCOUNT,
        query = "SELECT c FROM ProjectContribution c WHERE c.accountId = :account ORDER BY c.startsOn, c.grantedAt")
public class ProjectContribution {

    public static final String OF_ACCOUNT = "ProjectContribution.ofAccount";
    static final String ERASED = "—";

    @Id
    private UUID id;
    @Column(name = "account_id", nullable = false, updatable = false)
    private UUID accountId;
    @Column(nullable = false)
    private String project;
    @Column(nullable = false)
    private String description;
    @Column(name = "evidence_url", nullable = false)
    private String evidenceUrl;
    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;
    @Column(name = "review_on", nullable = false, updatable = false)
    private LocalDate reviewOn;
    @Column(name = "granted_by", nullable = false, updatable = false)
    private UUID grantedBy;
    @Column(name = "granted_at", nullable = false, updatable = false)
    private OffsetDateTime grantedAt;

    protected ProjectContribution() {
    }

    public ProjectContribution(UUID accountId, String project, String description, String evidenceUrl,
            LocalDate startsOn, LocalDate reviewOn, UUID grantedBy) {
        this.id = UUID.randomUUID();
        this.accountId = accountId;
        this.project = project.strip();
        this.description = description.strip();
        this.evidenceUrl = evidenceUrl.strip();
        this.startsOn = startsOn;
        this.reviewOn = reviewOn;
        this.grantedBy = grantedBy;
        this.grantedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Drops what could identify the person (their words, a link to their profile); keeps dates. */
    public void erasePersonalData() {
        description = ERASED;
        evidenceUrl = "";
    }

    public UUID getId() {
        return id;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public String getProject() {
        return project;
    }

    public String getDescription() {
        return description;
    }

    public String getEvidenceUrl() {
        return evidenceUrl;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public LocalDate getReviewOn() {
        return reviewOn;
    }

    public UUID getGrantedBy() {
        return grantedBy;
    }

    public OffsetDateTime getGrantedAt() {
        return grantedAt;
    }
}
