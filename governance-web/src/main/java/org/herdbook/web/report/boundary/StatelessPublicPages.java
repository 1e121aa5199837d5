package org.herdbook.web.report.boundary;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Renders the public report pages without view state for anonymous visitors. They hold no form
 * for them (the only one, signing out, is for the signed in), yet with server-side state saving
 * MyFaces starts a session before rendering any view that is not transient: a session per
 * visitor, and a page the {@link PublicPageCacheFilter} could never keep. Marking the view
 * transient before the render phase avoids both; a signed-in visitor's view keeps its state.
 */
public class StatelessPublicPages implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        UIViewRoot root = faces.getViewRoot();
        ExternalContext external = faces.getExternalContext();
        if (root != null && PublicPageCacheFilter.PAGES.contains(root.getViewId())
                && external.getRequest() instanceof HttpServletRequest request && "GET".equals(request.getMethod())
                && request.getUserPrincipal() == null) {
            root.setTransient(true);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // nothing to do after rendering
    }
}
