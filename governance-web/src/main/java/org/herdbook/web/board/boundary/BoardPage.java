package org.herdbook.web.board.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.herdbook.web.account.control.Accounts;
import org.herdbook.web.account.entity.Account;
import org.herdbook.web.api.InvalidInput;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.board.control.Board;
import org.herdbook.web.meetings.boundary.PageInput;
import org.herdbook.web.page.PageFeedback;
import org.herdbook.web.security.boundary.CurrentAccount;

/**
 * The board on a day, for everyone (public page), and for the board and secretary the forms that
 * record terms, resignations and offices.
 */
@Named
@RequestScoped
public class BoardPage {

    @Inject
    Board board;
    @Inject
    Accounts accounts;
    @Inject
    PageFeedback feedback;
    @Inject
    CurrentAccount me;

    private String on;
    private List<Board.Seat> seats;
    private String email;
    private String startsOn;
    private String endsOn;
    private String term;
    private String effectiveOn;
    private String office;

    public LocalDate getDay() {
        try {
            LocalDate day = PageInput.day(on);
            return day == null ? board.foundation().today() : day;
        } catch (InvalidInput invalid) {
            return board.foundation().today();
        }
    }

    public List<Board.Seat> getSeats() {
        if (seats == null) {
            seats = board.on(getDay());
        }
        return seats;
    }

    public List<String> getOffices() {
        return List.of(board.foundation().getOfficerRoles().split(","));
    }

    public void recordTerm() {
        if (feedback.attempt(() -> {
            Optional<Account> director = email == null ? Optional.empty() : accounts.byEmail(email.strip());
            if (director.isEmpty()) {
                throw new Refusal("no-such-account", jakarta.ws.rs.core.Response.Status.NOT_FOUND);
            }
            return board.elect(director.get().getId(), null, PageInput.day(startsOn), PageInput.day(endsOn),
                    me.account().getId());
        }) != null) {
            feedback.info("board.directors.recorded");
            seats = null;
        }
    }

    public void resign() {
        if (feedback.attempt(() -> board.resign(PageInput.id(term), PageInput.day(effectiveOn),
                me.account().getId())) != null) {
            feedback.info("board.directors.resigned");
            seats = null;
        }
    }

    public void appoint() {
        if (feedback.attempt(() -> board.appoint(PageInput.id(term), office, PageInput.day(startsOn),
                PageInput.day(endsOn), me.account().getId())) != null) {
            feedback.info("board.directors.appointed");
            seats = null;
        }
    }

    public String getOn() {
        return on;
    }

    public void setOn(String on) {
        this.on = on;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(String startsOn) {
        this.startsOn = startsOn;
    }

    public String getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(String endsOn) {
        this.endsOn = endsOn;
    }

    public String getTerm() {
        return term;
    }

    public void setTerm(String term) {
        this.term = term;
    }

    public String getEffectiveOn() {
        return effectiveOn;
    }

    public void setEffectiveOn(String effectiveOn) {
        this.effectiveOn = effectiveOn;
    }

    public String getOffice() {
        return office;
    }

    public void setOffice(String office) {
        this.office = office;
    }
}
