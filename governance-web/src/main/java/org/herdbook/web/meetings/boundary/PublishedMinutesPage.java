package org.herdbook.web.meetings.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.herdbook.web.meetings.control.MinutesBook;

/** The public site's page of approved minutes: meetings and their decisions, never who attended. */
@Named
@RequestScoped
public class PublishedMinutesPage {

    @Inject
    MinutesBook minutes;

    private List<MinutesBook.PublicMinutes> published;

    public List<MinutesBook.PublicMinutes> getPublished() {
        if (published == null) {
            published = minutes.published();
        }
        return published;
    }
}
