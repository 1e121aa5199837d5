package org.herdbook.web.mastodon.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.mastodon.control.InstanceUrl;
import org.herdbook.web.mastodon.control.LinkedIdentity;
import org.herdbook.web.mastodon.control.MastodonIdentities;
import org.herdbook.web.mastodon.control.MastodonInstance;
import org.herdbook.web.page.PageFeedback;

/** The member page where a signed-in person links or unlinks their Mastodon account. */
@Named
@RequestScoped
public class MastodonLink {

    static final String PAGE = "/member/mastodon.xhtml";

    @Inject
    MastodonInstance instance;
    @Inject
    MastodonIdentities identities;
    @Inject
    HttpServletRequest request;
    @Inject
    Messages messages;
    @Inject
    RequestLanguage language;

    private Optional<LinkedIdentity> linked;

    /** Without a configured instance the page does not exist. */
    public void check() throws IOException {
        if (!instance.isEnabled()) {
            PageFeedback.notFound();
        }
    }

    public boolean isLinked() {
        return linked().isPresent();
    }

    public String getAcct() {
        return linked().map(LinkedIdentity::acct).orElse("");
    }

    public String getInstanceHost() {
        return instance.configured().map(InstanceUrl::host).orElse("");
    }

    public String getLinkHref() {
        return request.getContextPath() + "/auth/mastodon/link";
    }

    public void unlink() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        switch (identities.unlink(currentAccount())) {
            case UNLINKED, NOT_LINKED -> {
                external.redirect(request.getContextPath() + PAGE + "?unlinked=true");
                faces.responseComplete();
            }
            case WOULD_LOCK_OUT -> {
                external.setResponseStatus(409);
                faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                        messages.get(language.current(), "mastodon.account.unlink-refused"), null));
            }
        }
    }

    private Optional<LinkedIdentity> linked() {
        if (linked == null) {
            linked = identities.linkedTo(currentAccount());
        }
        return linked;
    }

    private UUID currentAccount() {
        return UUID.fromString(request.getUserPrincipal().getName());
    }
}
