package org.herdbook.web.audit.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.herdbook.web.audit.control.AuditLog;
import org.herdbook.web.audit.entity.AuditEvent;

/** The administrator's audit log page: the newest lines. */
@Named
@RequestScoped
public class AuditView {

    @Inject
    AuditLog audit;

    public List<AuditEvent> getEvents() {
        return audit.newest(0, AuditResource.PAGE_SIZE);
    }
}
