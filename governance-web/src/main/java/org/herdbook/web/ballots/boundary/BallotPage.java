package org.herdbook.web.ballots.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.herdbook.ballots.manifest.entity.BallotManifest;
import org.herdbook.ballots.manifest.entity.CountingMethod;
import org.herdbook.ballots.manifest.entity.LocalizedText;
import org.herdbook.ballots.records.entity.StoredBallot;
import org.herdbook.web.ballots.control.BallotBox;
import org.herdbook.web.i18n.RequestLanguage;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/**
 * The public ballot list and ballot page ({@code /ballots.xhtml}, {@code /ballot.xhtml?id=}) and the
 * member's voting page ({@code /member/vote.xhtml?id=}): the ballot in the reader's language, its
 * result once counted, and what the voting script needs (ids, manifest hash, CSRF token).
 */
@Named
@RequestScoped
public class BallotPage {

    @Inject
    BallotBox ballots;
    @Inject
    RequestLanguage language;
    @Inject
    PageFeedback feedback;
    @Inject
    CurrentAccount me;

    private String id;
    private Optional<StoredBallot> ballot;
    private BallotManifest manifest;
    private Optional<Map<String, Object>> tally;

    /** A line of the ballot list. */
    public record Line(String id, String title, String state, String opens, String closes) {
    }

    /** An option as shown, with its count once closed. */
    public record OptionLine(String id, String label) {
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    /** On arrival: an unknown ballot, a malformed id or a draft is a 404. */
    public void load() {
        if (getBallot() == null) {
            feedback.status(404);
            feedback.error("problem.ballot-unknown.detail");
        }
    }

    public List<Line> getLines() {
        return ballots.all().stream().filter(b -> b.state() != StoredBallot.State.DRAFT).map(b -> {
            BallotManifest m = ballots.manifestOf(b);
            return new Line(b.id().toString(), text(m.proposal().title()), b.state().sql(), b.opens().toString(),
                    b.closes().toString());
        }).toList();
    }

    public StoredBallot getBallot() {
        if (ballot == null) {
            ballot = Optional.empty();
            try {
                ballot = Optional.of(ballots.ballot(UUID.fromString(String.valueOf(id))))
                        .filter(b -> b.state() != StoredBallot.State.DRAFT);
            } catch (RuntimeException unknown) {
                ballot = Optional.empty();
            }
            ballot.ifPresent(b -> manifest = ballots.manifestOf(b));
        }
        return ballot.orElse(null);
    }

    public String getTitle() {
        return getBallot() == null ? "" : text(manifest.proposal().title());
    }

    public String getText() {
        return getBallot() == null ? "" : text(manifest.proposal().text());
    }

    public String getMethod() {
        return getBallot() == null ? "" : manifest.method().type();
    }

    public List<OptionLine> getOptions() {
        return getBallot() == null ? List.of()
                : manifest.options().stream().map(o -> new OptionLine(o.id(), text(o.label()))).toList();
    }

    public String getManifestHash() {
        return getBallot() == null ? "" : getBallot().manifestHash();
    }

    /**
     * @return the manifest's server key as a public JWK (JSON), with which the voting page checks the
     *     receipt and tree head signatures itself; empty before the ballot is found
     */
    public String getServerKey() {
        return getBallot() == null ? "" : manifest.serverKey().toPublicJWK().toJSONString();
    }

    public String getBallotUri() {
        return getBallot() == null ? "" : getBallot().uri().toString();
    }

    public boolean isOpenNow() {
        StoredBallot b = getBallot();
        java.time.Instant now = java.time.Instant.now();
        return b != null && b.state() == StoredBallot.State.OPEN && !now.isBefore(b.opens()) && now.isBefore(b.closes());
    }

    public boolean isClosed() {
        return getBallot() != null && getBallot().state() == StoredBallot.State.CLOSED;
    }

    /** The tally's members (turnout, quorum, threshold, outcome, counts), once closed. */
    public Map<String, Object> getTally() {
        if (tally == null) {
            tally = getBallot() == null ? Optional.empty() : ballots.tally(getBallot().id());
        }
        return tally.orElse(Map.of());
    }

    /** Ballots counted out of the roll, e.g. "3 of 12 (25%)". */
    public String getTurnout() {
        long cast = getTally().get("ballotsCast") instanceof Number n ? n.longValue() : 0;
        long roll = getBallot() == null || getBallot().rollSize() == null ? 0 : getBallot().rollSize();
        long percent = roll == 0 ? 0 : Math.round(100.0 * cast / roll);
        return feedback.text("ballots.turnout.value", cast, roll, percent);
    }

    public boolean isYesNoAbstain() {
        return getBallot() != null && manifest.method() instanceof CountingMethod.YesNoAbstain;
    }

    public boolean isApproval() {
        return getBallot() != null && manifest.method() instanceof CountingMethod.Approval;
    }

    public boolean isRanked() {
        return getBallot() != null && !isYesNoAbstain() && !isApproval();
    }

    /** The tally's winners list as labels, for approval and ranked methods. */
    public String getWinners() {
        Object winners = getTally().get("winners");
        if (!(winners instanceof List<?> list) || getBallot() == null) {
            return "";
        }
        return String.join(", ", list.stream().map(w -> manifest.option(String.valueOf(w)).map(o -> text(o.label()))
                .orElse(String.valueOf(w))).toList());
    }

    /** The signed-in member's account id (the voting script keeps keys per member and ballot). */
    public String getMemberId() {
        return me.account().getId().toString();
    }

    private String text(LocalizedText text) {
        return "fr".equals(language.current().tag()) ? text.fr() : text.en();
    }
}
