package org.herdbook.web.account.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.herdbook.web.i18n.Language;

@Entity
@Table(schema = "governance", name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "SELECT a FROM Account a WHERE LOWER(a.email) = LOWER(:email)")
@NamedQuery(name = Account.WITH_ROLE, query = "SELECT COUNT(a) FROM Account a JOIN a.roles r WHERE r = :role")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a WHERE a.closedAt IS NULL ORDER BY LOWER(a.email)")
public class Account {

    public static final String BY_EMAIL = "Account.byEmail";
    public static final String WITH_ROLE = "Account.countWithRole";
    public static final String ALL = "Account.all";

    @Id
    private UUID id;
    @Column(nullable = false)
    private String email;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(name = "preferred_language", nullable = false, length = 2)
    private String preferredLanguage;
    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;
    @Column(name = "email_verified_at")
    private OffsetDateTime emailVerifiedAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(schema = "governance", name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role", nullable = false)
    @Convert(converter = RoleConverter.class)
    private Set<Role> roles = new HashSet<>();

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, Language preferredLanguage) {
        this.id = UUID.randomUUID();
        this.email = Objects.requireNonNull(email, "email").strip();
        this.displayName = Objects.requireNonNull(displayName, "displayName").strip();
        this.passwordHash = passwordHash;
        this.preferredLanguage = Objects.requireNonNull(preferredLanguage, "preferredLanguage").tag();
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Language getPreferredLanguage() {
        return Language.ofTag(preferredLanguage).orElse(Language.DEFAULT);
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> getEmailVerifiedAt() {
        return Optional.ofNullable(emailVerifiedAt);
    }

    public boolean isEmailVerified() {
        return emailVerifiedAt != null;
    }

    public Optional<OffsetDateTime> getClosedAt() {
        return Optional.ofNullable(closedAt);
    }

    public boolean isClosed() {
        return closedAt != null;
    }

    /** Whether the person may sign in: the address is verified and the account not closed. */
    public boolean maySignIn() {
        return emailVerifiedAt != null && closedAt == null;
    }

    public void markEmailVerified() {
        if (emailVerifiedAt == null) {
            emailVerifiedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public void changeDisplayName(String newName) {
        this.displayName = Objects.requireNonNull(newName, "newName").strip();
    }

    public void changePreferredLanguage(Language language) {
        this.preferredLanguage = Objects.requireNonNull(language, "language").tag();
    }

    /** Whether the role was newly granted. */
    public boolean grant(Role role) {
        return roles.add(Objects.requireNonNull(role, "role"));
    }

    /** Whether the role was held and is now revoked. */
    public boolean revoke(Role role) {
        return roles.remove(Objects.requireNonNull(role, "role"));
    }

    /**
     * Closes the account and replaces what identifies the person with a pseudonym. The id stays,
     * so ledger entries, dues and votes keep pointing at the same (now anonymous) account.
     */
    public void closeAndPseudonymise(String pseudonym) {
        this.email = "closed-" + id + "@accounts.invalid";
        this.displayName = pseudonym;
        this.passwordHash = null;
        this.roles.clear();
        this.closedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
