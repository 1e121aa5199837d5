package org.herdbook.reports.figures.control;

import java.time.LocalDate;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/** Membership as the governance module keeps it; governance-web implements this. */
public interface MembershipFigures {

    /**
     * Members by class and standing on {@code last}, and how many joined (first became members)
     * and lapsed between {@code first} and {@code last}, both included.
     */
    MonthlyFigures.Membership between(LocalDate first, LocalDate last);
}
