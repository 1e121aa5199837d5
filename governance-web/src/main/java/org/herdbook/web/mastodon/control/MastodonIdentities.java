package org.herdbook.web.mastodon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.mastodon.entity.MastodonIdentity;

/** Links between Mastodon accounts and Herdbook accounts: who may sign in with which Mastodon account. */
@ApplicationScoped
public class MastodonIdentities {

    @PersistenceContext(unitName = "governance")
    EntityManager entityManager;
    @Inject
    MastodonInstance configuration;
    @Inject
    Accounts accounts;

    /** What became of a request to link. */
    public enum LinkResult {
        LINKED,
        /** That Mastodon account belongs to another Herdbook account. */
        LINKED_TO_ANOTHER_ACCOUNT,
        /** This Herdbook account already has a different Mastodon account on the instance. */
        ACCOUNT_HAS_ANOTHER_LINK
    }

    /** What became of a request to unlink. */
    public enum UnlinkResult {
        UNLINKED, NOT_LINKED,
        /** The account has no password: without Mastodon it could not sign in at all. */
        WOULD_LOCK_OUT
    }

    /** The Mastodon account linked to {@code accountId} on the configured instance (empty when none is configured). */
    public Optional<LinkedIdentity> linkedTo(UUID accountId) {
        return configuration.configured().flatMap(instance -> allLinkedTo(accountId).stream()
                .filter(identity -> identity.instance().equals(instance.origin())).findFirst());
    }

    /** Every Mastodon account linked to {@code accountId}, on any instance ever configured, newest first (for exports). */
    public List<LinkedIdentity> allLinkedTo(UUID accountId) {
        return entityManager.createNamedQuery(MastodonIdentity.OF_ACCOUNT, MastodonIdentity.class)
                .setParameter("accountId", accountId).getResultStream().map(MastodonIdentities::view).toList();
    }

    /** Drops every link of {@code accountId}, whatever it leaves (for closing or erasing an account). */
    @Transactional
    public void forget(UUID accountId) {
        entityManager.createNamedQuery(MastodonIdentity.FORGET).setParameter("accountId", accountId).executeUpdate();
    }

    /** The Herdbook account linked to this Mastodon account; remembers its current acct. */
    @Transactional
    public Optional<UUID> accountSignedInAs(InstanceUrl instance, MastodonAccount mastodon) {
        Optional<MastodonIdentity> identity = byMastodonId(instance, mastodon.id());
        identity.filter(found -> !found.getAcct().equals(mastodon.acct())).ifPresent(found -> found.seenAs(mastodon.acct()));
        return identity.map(MastodonIdentity::getAccountId);
    }

    @Transactional
    public LinkResult link(UUID accountId, InstanceUrl instance, MastodonAccount mastodon) {
        // ON CONFLICT: two tabs or two servers linking at once end in a refusal, never in an error.
        int inserted = entityManager.createNativeQuery("INSERT INTO governance.mastodon_identity"
                + " (account_id, instance, mastodon_id, acct) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
                .setParameter(1, accountId).setParameter(2, instance.origin()).setParameter(3, mastodon.id())
                .setParameter(4, mastodon.acct()).executeUpdate();
        if (inserted == 1) {
            return LinkResult.LINKED;
        }
        Optional<MastodonIdentity> holder = byMastodonId(instance, mastodon.id());
        if (holder.isPresent() && holder.get().getAccountId().equals(accountId)) {
            holder.get().seenAs(mastodon.acct());
            return LinkResult.LINKED;
        }
        return holder.isPresent() ? LinkResult.LINKED_TO_ANOTHER_ACCOUNT : LinkResult.ACCOUNT_HAS_ANOTHER_LINK;
    }

    /** Unlinks the configured instance's Mastodon account from {@code accountId}, unless that would lock the account out. */
    @Transactional
    public UnlinkResult unlink(UUID accountId) {
        Optional<InstanceUrl> instance = configuration.configured();
        if (instance.isEmpty()) {
            return UnlinkResult.NOT_LINKED;
        }
        MastodonIdentity identity = entityManager.find(MastodonIdentity.class,
                new MastodonIdentity.Key(accountId, instance.get().origin()));
        if (identity == null) {
            return UnlinkResult.NOT_LINKED;
        }
        boolean hasPassword = accounts.byId(accountId).map(account -> account.getPasswordHash() != null).orElse(false);
        if (!hasPassword) {
            return UnlinkResult.WOULD_LOCK_OUT;
        }
        entityManager.remove(identity);
        return UnlinkResult.UNLINKED;
    }

    private Optional<MastodonIdentity> byMastodonId(InstanceUrl instance, String mastodonId) {
        return entityManager.createNamedQuery(MastodonIdentity.BY_MASTODON_ID, MastodonIdentity.class)
                .setParameter("instance", instance.origin()).setParameter("mastodonId", mastodonId)
                .getResultStream().findFirst();
    }

    private static LinkedIdentity view(MastodonIdentity identity) {
        return new LinkedIdentity(identity.getAccountId(), identity.getInstance(), identity.getMastodonId(),
                identity.getAcct(), identity.getLinkedAt());
    }
}
