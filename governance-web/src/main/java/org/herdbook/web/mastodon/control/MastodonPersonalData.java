package org.herdbook.web.mastodon.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.privacy.control.AccountClosing;
import org.herdbook.web.privacy.control.PersonalData;

/** The linked Mastodon accounts in a person's data export, and gone when they close their account. */
@ApplicationScoped
public class MastodonPersonalData implements PersonalData.PersonalDataSection {

    @Inject
    MastodonIdentities identities;

    @Override
    public String name() {
        return "mastodonAccounts";
    }

    @Override
    public Optional<JsonObject> describe(UUID account) {
        List<LinkedIdentity> linked = identities.allLinkedTo(account);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (LinkedIdentity identity : linked) {
            list.add(Json.createObjectBuilder().add("instance", identity.instance()).add("id", identity.mastodonId())
                    .add("acct", identity.acct()).add("linkedAt", identity.linkedAt().toString()));
        }
        return Optional.of(Json.createObjectBuilder().add("linked", list).build());
    }

    void accountClosing(@Observes AccountClosing closing) {
        identities.forget(closing.account());
    }
}
