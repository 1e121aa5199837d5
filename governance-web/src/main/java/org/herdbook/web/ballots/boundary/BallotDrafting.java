package org.herdbook.web.ballots.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.ballots.control.BallotBox;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/**
 * The board's ballot page ({@code /board/ballots.xhtml}): draft a ballot and open it. Works without
 * JavaScript. Times are typed in the foundation's time zone; the definition is checked by the same
 * reader as the API's {@code createBallot}.
 */
@Named
@RequestScoped
public class BallotDrafting {

    @Inject
    BallotBox ballots;
    @Inject
    Memberships memberships;
    @Inject
    PageFeedback feedback;
    @Inject
    CurrentAccount me;
    @Inject
    RequestLanguage language;

    private String titleEn;
    private String titleFr;
    private String textEn;
    private String textFr;
    private String method = "yes-no-abstain";
    private String quorum;
    private String threshold = "majority";
    private String seats;
    private String options;
    private String opens;
    private String closes;
    private String recordDate;

    /** A ballot as the board's list shows it. */
    public record Line(String id, String title, String state, Instant opens, Instant closes, Long rollSize) {
    }

    public List<Line> getLines() {
        boolean french = "fr".equals(language.current().tag());
        return ballots.all().stream().map(b -> {
            BallotManifest m = ballots.manifestOf(b);
            return new Line(b.id().toString(), french ? m.proposal().title().fr() : m.proposal().title().en(),
                    b.state().sql(), b.opens(), b.closes(), b.rollSize());
        }).toList();
    }

    public String getZone() {
        return memberships.foundation().getTimeZone().getId();
    }

    /** Drafts the ballot; it is not open yet. */
    public void draft() {
        UUID id = feedback.attempt(() -> {
            BallotManifest draft = BallotDrafts.parse(CanonicalJson.write(definition()),
                    ballots.uri(UUID.randomUUID()));
            return ballots.draft(new BallotBox.Definition(draft.proposal(), draft.options(), draft.method(),
                    draft.opens(), draft.closes(), draft.recordDate()), me.account().getId());
        });
        if (id != null) {
            feedback.info("board.ballots.drafted");
        }
    }

    /** Opens a draft: the roll is frozen and the manifest fixed. */
    public void open(String id) {
        StoredBallot opened = feedback.attempt(() -> ballots.open(parse(id), me.account().getId()));
        if (opened != null) {
            feedback.info("board.ballots.opened", opened.rollSize());
        }
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Refusal("ballot-unknown", Response.Status.NOT_FOUND);
        }
    }

    private Map<String, Object> definition() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", Map.of("en", blankless(titleEn), "fr", blankless(titleFr)));
        json.put("text", Map.of("en", blankless(textEn), "fr", blankless(textFr)));
        Map<String, Object> counting = new LinkedHashMap<>();
        counting.put("type", blankless(method));
        switch (blankless(method)) {
            case "yes-no-abstain" -> {
                String q = blankless(quorum).strip();
                counting.put("quorum", q.endsWith("%") ? Map.of("percentOfRoll", q.substring(0, q.length() - 1).strip())
                        : Map.of("count", number(q.isEmpty() ? "0" : q)));
                counting.put("threshold", blankless(threshold));
            }
            case "approval" -> counting.put("winners", number(blankless(seats)));
            case "single-transferable-vote" -> counting.put("seats", number(blankless(seats)));
            default -> {
            }
        }
        json.put("method", counting);
        List<Object> choices = new ArrayList<>();
        for (String line : blankless(options).split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            if (parts.length != 3) {
                throw new Refusal("ballot-invalid", Response.Status.BAD_REQUEST, line.strip());
            }
            choices.add(Map.of("id", parts[0].strip(), "label", Map.of("en", parts[1].strip(), "fr", parts[2].strip())));
        }
        json.put("options", choices);
        ZoneId zone = memberships.foundation().getTimeZone();
        json.put("opens", instant(opens, zone));
        json.put("closes", instant(closes, zone));
        json.put("recordDate", blankless(recordDate).strip());
        return json;
    }

    private static String instant(String local, ZoneId zone) {
        try {
            return LocalDateTime.parse(blankless(local).strip()).atZone(zone).toInstant().toString();
        } catch (DateTimeException e) {
            throw new Refusal("ballot-invalid", Response.Status.BAD_REQUEST, String.valueOf(local));
        }
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("ballot-invalid", Response.Status.BAD_REQUEST, text);
        }
    }

    private static String blankless(String value) {
        return value == null ? "" : value;
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

    public String getTextEn() {
        return textEn;
    }

    public void setTextEn(String textEn) {
        this.textEn = textEn;
    }

    public String getTextFr() {
        return textFr;
    }

    public void setTextFr(String textFr) {
        this.textFr = textFr;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getQuorum() {
        return quorum;
    }

    public void setQuorum(String quorum) {
        this.quorum = quorum;
    }

    public String getThreshold() {
        return threshold;
    }

    public void setThreshold(String threshold) {
        this.threshold = threshold;
    }

    public String getSeats() {
        return seats;
    }

    public void setSeats(String seats) {
        this.seats = seats;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    public String getOpens() {
        return opens;
    }

    public void setOpens(String opens) {
        this.opens = opens;
    }

    public String getCloses() {
        return closes;
    }

    public void setCloses(String closes) {
        this.closes = closes;
    }

    public String getRecordDate() {
        return recordDate;
    }

    public void setRecordDate(String recordDate) {
        this.recordDate = recordDate;
    }
}
