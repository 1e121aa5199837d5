package org.herdbook.web.meetings.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.meetings.control.Attendance;
import org.herdbook.web.meetings.control.Meetings;
import org.herdbook.web.meetings.control.MinutesBook;
import org.herdbook.web.meetings.control.Motions;
import org.herdbook.web.meetings.entity.Meeting;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/**
 * One meeting for the secretary and the board: notice, agenda, attendance and quorum, motions and
 * their results (show of hands, or an online ballot for a general meeting), minutes (draft, edit,
 * approve, PDF).
 */
@Named
@RequestScoped
public class MeetingPage {

    /** Someone the page offers in a list: id and label. */
    public record Choice(String id, String label) {
    }

    @Inject
    Meetings meetings;
    @Inject
    Attendance attendance;
    @Inject
    Motions motions;
    @Inject
    MinutesBook minutesBook;
    @Inject
    MeetingRecords records;
    @Inject
    Accounts accounts;
    @Inject
    PageFeedback feedback;
    @Inject
    CurrentAccount me;

    private String id;
    private MeetingViews.Record record;
    private String agendaEn;
    private String agendaFr;
    private String attendee;
    private String mode = Attendance.Mode.IN_PERSON.code();
    private String proxyHolder;
    private String motionKind = "ordinary";
    private String motionEn;
    private String motionFr;
    private String mover;
    private String seconder;
    private String motion;
    private String votesFor;
    private String votesAgainst;
    private String abstentions;
    private String ballotMotion;
    private String ballotCloses;
    private String minutesEn;
    private String minutesFr;
    private String approvingMeeting;

    /**
     * The meeting of a postback comes with its forms (a hidden field): the page decides what to
     * render, and so which form's action runs, before view parameters reach this bean.
     */
    @PostConstruct
    void meetingOfPostback() {
        String posted = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("meeting");
        if (posted != null && PageInput.id(posted) != null) {
            id = posted;
        }
    }

    /** On arrival: an unknown or malformed id is a 404. */
    public void load() {
        if (getRecord() == null) {
            feedback.status(404);
            feedback.error("problem.no-such-meeting.detail");
        }
    }

    public MeetingViews.Record getRecord() {
        UUID meeting = PageInput.id(id);
        if (record == null && meeting != null) {
            try {
                record = records.record(meeting);
            } catch (Refusal unknown) {
                return null;
            }
        }
        return record;
    }

    public Meeting getMeeting() {
        return meetings.meeting(UUID.fromString(id));
    }

    public List<Choice> getEntitled() {
        Meeting meeting = getMeeting();
        List<Choice> choices = new ArrayList<>();
        for (UUID account : meetings.entitled(meeting)) {
            accounts.byId(account).filter(found -> !found.isClosed())
                    .ifPresent(found -> choices.add(new Choice(account.toString(), label(found))));
        }
        choices.sort(Comparator.comparing(Choice::label, String.CASE_INSENSITIVE_ORDER));
        return choices;
    }

    public List<Choice> getPresentInPerson() {
        return getRecord().present().stream().filter(person -> !person.mode().equals("proxy"))
                .map(person -> new Choice(person.accountId().toString(), person.name())).toList();
    }

    /** Motions a show of hands may decide: undecided, not put to an online ballot. */
    public List<MeetingViews.MotionView> getUndecided() {
        return getRecord().motions().stream().filter(view -> view.carried() == null && view.ballotId() == null)
                .toList();
    }

    /** Motions that may be put to an online ballot: those of a general meeting a show of hands may decide. */
    public List<MeetingViews.MotionView> getBallotable() {
        return "board".equals(getRecord().meeting().kind()) ? List.of() : getUndecided();
    }

    /** The foundation's time zone, in which closing times are typed and shown. */
    public ZoneId getZone() {
        return meetings.foundation().getTimeZone();
    }

    /** When a motion's ballot closes, in the foundation's time zone. */
    public String closing(MeetingViews.MotionView view) {
        return view.ballotClosesAt() == null ? ""
                : view.ballotClosesAt().atZoneSameInstant(getZone()).toLocalDateTime()
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
    }

    public List<Meeting> getLaterMeetings() {
        Meeting meeting = getMeeting();
        return meetings.all().stream().filter(other -> other.getCalledToOrderAt().isPresent()
                && (other.getHeldOn().isAfter(meeting.getHeldOn()) || other.getHeldOn().equals(meeting.getHeldOn())
                        && other.getStartsAt().isAfter(meeting.getStartsAt()))).toList();
    }

    public List<String> getModes() {
        List<String> modes = new ArrayList<>(List.of("in-person", "online"));
        if (getMeeting().isProxiesAllowed()) {
            modes.add("proxy");
        }
        modes.add("left");
        return modes;
    }

    public String getPdfLink() {
        return "/api/meetings/" + id + "/minutes.pdf";
    }

    public void sendNotice() {
        Integer sent = feedback.attempt(() -> meetings.sendNotice(meetingId(), actor()));
        if (sent != null) {
            feedback.info("meetings.notice.sent", sent);
            record = null;
        }
    }

    public void addAgendaItem() {
        if (feedback.attempt(() -> meetings.addAgendaItem(meetingId(), agendaEn, agendaFr)) != null) {
            agendaEn = null;
            agendaFr = null;
            record = null;
        }
    }

    public void recordAttendance() {
        if (feedback.attempt(() -> attendance.record(meetingId(), PageInput.id(attendee), mode,
                PageInput.id(proxyHolder), actor())) != null) {
            feedback.info("meetings.attendance.recorded");
            record = null;
        }
    }

    public void callToOrder() {
        if (feedback.attempt(() -> attendance.callToOrder(meetingId(), actor())) != null) {
            record = null;
        }
    }

    public void adjourn() {
        if (feedback.attempt(() -> attendance.adjourn(meetingId(), actor()))) {
            record = null;
        }
    }

    public void propose() {
        if (feedback.attempt(() -> motions.propose(meetingId(), new Motions.Proposal(motionKind, motionEn, motionFr,
                PageInput.id(mover), PageInput.id(seconder), null, null), actor())) != null) {
            motionEn = null;
            motionFr = null;
            record = null;
        }
    }

    public void recordResult() {
        if (feedback.attempt(() -> motions.recordResult(meetingId(), PageInput.id(motion),
                PageInput.count(votesFor), PageInput.count(votesAgainst), PageInput.count(abstentions),
                actor())) != null) {
            feedback.info("meetings.result.recorded");
            votesFor = null;
            votesAgainst = null;
            abstentions = null;
            record = null;
        }
    }

    public void putToBallot() {
        if (feedback.attempt(() -> motions.putToBallot(meetingId(), PageInput.id(ballotMotion), null,
                PageInput.instant(ballotCloses, getZone()), actor())) != null) {
            feedback.info("meetings.ballot.opened");
            ballotCloses = null;
            record = null;
        }
    }

    public void draftMinutes() {
        if (feedback.attempt(() -> minutesBook.draft(meetingId(), actor())) != null) {
            minutesEn = null;
            minutesFr = null;
            record = null;
        }
    }

    public void editMinutes() {
        if (feedback.attempt(() -> minutesBook.edit(meetingId(), minutesEn, minutesFr, actor())) != null) {
            feedback.info("meetings.minutes.saved");
            record = null;
        }
    }

    public void approveMinutes() {
        if (feedback.attempt(() -> minutesBook.approve(meetingId(), PageInput.id(approvingMeeting),
                me.account())) != null) {
            feedback.info("meetings.minutes.approved-info");
            record = null;
        }
    }

    private UUID meetingId() {
        return UUID.fromString(id);
    }

    private UUID actor() {
        return me.account().getId();
    }

    private static String label(Account account) {
        return account.getDisplayName() + " <" + account.getEmail() + ">";
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getAgendaEn() {
        return agendaEn;
    }

    public void setAgendaEn(String agendaEn) {
        this.agendaEn = agendaEn;
    }

    public String getAgendaFr() {
        return agendaFr;
    }

    public void setAgendaFr(String agendaFr) {
        this.agendaFr = agendaFr;
    }

    public String getAttendee() {
        return attendee;
    }

    public void setAttendee(String attendee) {
        this.attendee = attendee;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getProxyHolder() {
        return proxyHolder;
    }

    public void setProxyHolder(String proxyHolder) {
        this.proxyHolder = proxyHolder;
    }

    public String getMotionKind() {
        return motionKind;
    }

    public void setMotionKind(String motionKind) {
        this.motionKind = motionKind;
    }

    public String getMotionEn() {
        return motionEn;
    }

    public void setMotionEn(String motionEn) {
        this.motionEn = motionEn;
    }

    public String getMotionFr() {
        return motionFr;
    }

    public void setMotionFr(String motionFr) {
        this.motionFr = motionFr;
    }

    public String getMover() {
        return mover;
    }

    public void setMover(String mover) {
        this.mover = mover;
    }

    public String getSeconder() {
        return seconder;
    }

    public void setSeconder(String seconder) {
        this.seconder = seconder;
    }

    public String getMotion() {
        return motion;
    }

    public void setMotion(String motion) {
        this.motion = motion;
    }

    public String getVotesFor() {
        return votesFor;
    }

    public void setVotesFor(String votesFor) {
        this.votesFor = votesFor;
    }

    public String getVotesAgainst() {
        return votesAgainst;
    }

    public void setVotesAgainst(String votesAgainst) {
        this.votesAgainst = votesAgainst;
    }

    public String getAbstentions() {
        return abstentions;
    }

    public void setAbstentions(String abstentions) {
        this.abstentions = abstentions;
    }

    public String getBallotMotion() {
        return ballotMotion;
    }

    public void setBallotMotion(String ballotMotion) {
        this.ballotMotion = ballotMotion;
    }

    public String getBallotCloses() {
        return ballotCloses;
    }

    public void setBallotCloses(String ballotCloses) {
        this.ballotCloses = ballotCloses;
    }

    public String getMinutesEn() {
        if (minutesEn == null && getRecord() != null && getRecord().minutes() != null) {
            return getRecord().minutes().bodyEn();
        }
        return minutesEn;
    }

    public void setMinutesEn(String minutesEn) {
        this.minutesEn = minutesEn;
    }

    public String getMinutesFr() {
        if (minutesFr == null && getRecord() != null && getRecord().minutes() != null) {
            return getRecord().minutes().bodyFr();
        }
        return minutesFr;
    }

    public void setMinutesFr(String minutesFr) {
        this.minutesFr = minutesFr;
    }

    public String getApprovingMeeting() {
        return approvingMeeting;
    }

    public void setApprovingMeeting(String approvingMeeting) {
        this.approvingMeeting = approvingMeeting;
    }
}
