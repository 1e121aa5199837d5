package org.herdbook.web.i18n;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;

/**
 * A form that Faces refused (conversion or validation failed) answers 400, not 200: bad input
 * is an error for machines as well as for the person reading the messages on the page.
 */
public class ValidationFailureStatus implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforePhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        ExternalContext external = faces.getExternalContext();
        if (faces.isValidationFailed() && external.getResponse() instanceof jakarta.servlet.http.HttpServletResponse response
                && response.getStatus() == 200) {
            external.setResponseStatus(400);
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // The status is decided before rendering; nothing to do after.
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
