package org.herdbook.web.mastodon.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The OAuth application Herdbook registered on an instance for one redirect URI and scope list. Immutable. */
@Entity
@Table(schema = "governance", name = "mastodon_app")
@NamedQuery(name = RegisteredApp.FOR, query = "SELECT a FROM RegisteredApp a WHERE a.instance = :instance"
        + " AND a.redirectUri = :redirectUri AND a.scopes = :scopes")
public class RegisteredApp {

    public static final String FOR = "RegisteredApp.for";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String instance;
    @Column(name = "client_id", nullable = false, updatable = false)
    private String clientId;
    @Column(name = "client_secret", nullable = false, updatable = false)
    private String clientSecret;
    @Column(name = "redirect_uri", nullable = false, updatable = false)
    private String redirectUri;
    @Column(nullable = false, updatable = false)
    private String scopes;
    @Column(name = "registered_at", nullable = false, updatable = false)
    private OffsetDateTime registeredAt;

    protected RegisteredApp() {
    }

    public RegisteredApp(String instance, String clientId, String clientSecret, String redirectUri, String scopes) {
        this.instance = instance;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.scopes = scopes;
        this.registeredAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public String getInstance() {
        return instance;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public String getScopes() {
        return scopes;
    }

    public OffsetDateTime getRegisteredAt() {
        return registeredAt;
    }
}
