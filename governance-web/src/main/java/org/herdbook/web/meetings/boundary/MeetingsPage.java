package org.herdbook.web.meetings.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.herdbook.web.meetings.control.Meetings;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.meetings.entity.MeetingKind;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/** The board's and secretary's list of meetings, and scheduling a new one. */
@Named
@RequestScoped
public class MeetingsPage {

    @Inject
    Meetings meetings;
    @Inject
    PageFeedback feedback;
    @Inject
    CurrentAccount me;

    private List<Meeting> all;
    private String kind = MeetingKind.ANNUAL_GENERAL.code();
    private String titleEn;
    private String titleFr;
    private String heldOn;
    private String startsAt;
    private String location;
    private String recordDate;

    public List<Meeting> getAll() {
        if (all == null) {
            all = meetings.all();
        }
        return all;
    }

    public List<MeetingKind> getKinds() {
        return List.of(MeetingKind.values());
    }

    public String schedule() {
        Meeting meeting = feedback.attempt(() -> meetings.schedule(new Meetings.Schedule(kind, titleEn, titleFr,
                PageInput.day(heldOn), PageInput.time(startsAt), location, PageInput.day(recordDate)),
                me.account().getId()));
        if (meeting == null) {
            return null;
        }
        return "/board/meeting.xhtml?faces-redirect=true&id=" + meeting.getId();
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTitleFr() {
        return titleFr;
    }

    public void setTitleFr(String titleFr) {
        this.titleFr = titleFr;
    }

    public String getHeldOn() {
        return heldOn;
    }

    public void setHeldOn(String heldOn) {
        this.heldOn = heldOn;
    }

    public String getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(String startsAt) {
        this.startsAt = startsAt;
    }

    public String getLocation() {
        return location;
    }

    public void setLocation(String location) {
        this.location = location;
    }

    public String getRecordDate() {
        return recordDate;
    }

    public void setRecordDate(String recordDate) {
        this.recordDate = recordDate;
    }
}
