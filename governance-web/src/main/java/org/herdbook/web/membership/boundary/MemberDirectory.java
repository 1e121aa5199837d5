package org.herdbook.web.membership.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herdbook.web.membership.control.Memberships;
import org.herdbook.web.membership.entity.MemberClass;
import org.herdbook.web.membership.entity.Standing;

/** The board's member directory: filters by class and standing (GET parameters), counts, CSV link. */
@Named
@RequestScoped
public class MemberDirectory {

    @Inject
    Memberships memberships;

    private String memberClass;
    private String standing;
    private List<Memberships.DirectoryEntry> entries;
    private Map<MemberClass, Map<Standing, Long>> counts;

    public List<Memberships.DirectoryEntry> getEntries() {
        if (entries == null) {
            entries = memberships.directory(MemberClass.ofCode(memberClass), Standing.ofCode(standing));
        }
        return entries;
    }

    public Map<MemberClass, Map<Standing, Long>> getCounts() {
        if (counts == null) {
            counts = memberships.counts();
        }
        return counts;
    }

    public long count(MemberClass memberClass, Standing standing) {
        return getCounts().get(memberClass).get(standing);
    }

    public long getTotal() {
        return getCounts().values().stream().flatMap(byStanding -> byStanding.values().stream())
                .mapToLong(Long::longValue).sum();
    }

    public List<MemberClass> getClasses() {
        return Arrays.asList(MemberClass.values());
    }

    public List<Standing> getStandings() {
        return Arrays.asList(Standing.values());
    }

    /** The CSV export's address with the same filters (query values are codes from the lists above). */
    public String getCsvQuery() {
        String query = Optional.ofNullable(MemberClass.ofCode(memberClass).map(c -> "class=" + c.code()).orElse(null))
                .orElse("");
        String standingPart = Standing.ofCode(standing).map(s -> "standing=" + s.code()).orElse("");
        if (!standingPart.isEmpty()) {
            query = query.isEmpty() ? standingPart : query + "&" + standingPart;
        }
        return query.isEmpty() ? "" : "?" + query;
    }

    public String getMemberClass() {
        return memberClass;
    }

    public void setMemberClass(String memberClass) {
        this.memberClass = memberClass;
    }

    public String getStanding() {
        return standing;
    }

    public void setStanding(String standing) {
        this.standing = standing;
    }
}
