package org.herdbook.web.page;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.util.Iterator;

/**
 * A form posted with a view state this server does not know (expired, or forged by another site:
 * the view state is the form's CSRF token) is answered 400 with a page saying nothing was saved,
 * instead of a server error.
 */
public class FormExpiredHandler extends ExceptionHandlerWrapper {

    static final String PAGE = "/error/form-expired.xhtml";

    public FormExpiredHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            jakarta.faces.event.ExceptionQueuedEventContext context = events.next().getContext();
            Throwable thrown = context.getException();
            // A view state that does not decode (tampered) fails while restoring the view: same answer.
            boolean unreadableState = context.getPhaseId() == jakarta.faces.event.PhaseId.RESTORE_VIEW
                    && FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap()
                            .containsKey("jakarta.faces.ViewState");
            if (isExpiredView(thrown) || unreadableState) {
                events.remove();
                FacesContext faces = FacesContext.getCurrentInstance();
                faces.getExternalContext().setResponseStatus(400);
                faces.setViewRoot(faces.getApplication().getViewHandler().createView(faces, PAGE));
                faces.getPartialViewContext().setRenderAll(true);
                faces.renderResponse();
                return;
            }
        }
        getWrapped().handle();
    }

    private static boolean isExpiredView(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new FormExpiredHandler(getWrapped().getExceptionHandler());
        }
    }
}
