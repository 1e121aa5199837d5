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
import java.util.Set;
import java.util.UUID;
import org.herdbook.web.i18n.Language;

@Entity
@Table(schema = "governance", name = "account")
@NamedQuery(name = Account.BY_EMAIL, query = "SELECT a FROM Account a WHERE LOWER(a.email) = LOWER(:email)")
@NamedQuery(name = Account.WITH_ROLE, query = "SELECT COUNT(a) FROM Account a JOIN a.roles r WHERE r = :role")
public class Account {

    public static final String BY_EMAIL = "Account.byEmail";
    public static final String WITH_ROLE = "Account.countWithRole";

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

    public void grant(Role role) {
        roles.add(Objects.requireNonNull(role, "role"));
    }
}
