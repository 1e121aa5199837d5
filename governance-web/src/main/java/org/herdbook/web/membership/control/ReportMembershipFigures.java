package org.herdbook.web.membership.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.herdbook.reports.figures.control.MembershipFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/** The monthly report's membership figures, from the standing histories. */
@ApplicationScoped
public class ReportMembershipFigures implements MembershipFigures {

    @Inject
    Memberships memberships;

    @Override
    public MonthlyFigures.Membership between(LocalDate first, LocalDate last) {
        Memberships.MonthCounts counts = memberships.countsBetween(first, last);
        List<MonthlyFigures.ClassStanding> rows = new ArrayList<>();
        counts.counts().forEach((memberClass, byStanding) -> byStanding.forEach((standing, count) ->
                rows.add(new MonthlyFigures.ClassStanding(memberClass.code(), standing.code(), count))));
        return new MonthlyFigures.Membership(rows, counts.joined(), counts.lapsed());
    }
}
