package org.herdbook.reports.publication.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herdbook.reports.figures.control.FiguresJson;
import org.herdbook.reports.figures.control.ReportFigures;
import org.herdbook.reports.figures.entity.MonthlyFigures;
import org.herdbook.reports.period.ReportMonth;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.reports.publication.entity.ReportPublished;
import org.herdbook.reports.render.ReportPdf;

/**
 * The report's life: a draft per month whose figures always come from the books, publication by
 * the board (figures frozen, PDF rendered, its SHA-256 signed with the foundation's key), and
 * corrections as later versions naming the one they replace. Callers hold the transaction.
 */
@ApplicationScoped
public class MonthlyReportWorkflow {

    /** The JWS {@code typ} of a report signature. */
    public static final String SIGNATURE_TYPE = "report-hash+jwt";

    /** A draft with the figures as the books show them now. */
    public record Draft(MonthlyReport report, MonthlyFigures figures) {
    }

    /** What checking a PDF found: the published versions it is, with a signature that checks out. */
    public record Verification(String sha256, List<MonthlyReport> matches) {
        public boolean verified() {
            return !matches.isEmpty();
        }
    }

    @Inject
    ReportFigures figures;
    @Inject
    MonthlyReports reports;
    @Inject
    ReportSigner signer;
    @Inject
    ReportSettings settings;
    @Inject
    Event<ReportPublished> publications;

    public ReportMonth month(YearMonth month) {
        return new ReportMonth(month, settings.timeZone());
    }

    /** The previous month in the foundation's time zone, the one a scheduled draft is for. */
    public YearMonth previousMonth(Instant now) {
        return ReportMonth.containing(now, settings.timeZone()).previous().yearMonth();
    }

    public Optional<Draft> draft(YearMonth month) {
        return reports.draft(month).map(report -> new Draft(report, figures.of(month(month))));
    }

    /** The month's draft, created if needed; refused for a month that has not ended. */
    public Draft generate(YearMonth month, String by) {
        refuseUnlessOver(month);
        return new Draft(reports.draftOrNew(month, by), figures.of(month(month)));
    }

    public Draft updateNarrative(YearMonth month, String narrativeEn, String narrativeFr, String by) {
        refuseUnlessOver(month);
        return new Draft(reports.updateNarrative(month, narrativeEn, narrativeFr, by), figures.of(month(month)));
    }

    /**
     * Publishes the month's draft as its next version: the figures as the closed books show them,
     * the PDF, its SHA-256 and the foundation's signature of it, all frozen.
     */
    public MonthlyReport publish(YearMonth month, String by) {
        refuseUnlessOver(month);
        reports.lockMonth(month);
        MonthlyReport draft = reports.draft(month).orElseThrow(() -> new ReportRefused(ReportRefused.Reason.NO_DRAFT));
        MonthlyFigures frozen = figures.of(month(month));
        if (!frozen.closed()) {
            throw new ReportRefused(ReportRefused.Reason.MONTH_NOT_CLOSED);
        }
        Optional<MonthlyReport> previous = reports.latest(month);
        int version = previous.map(report -> report.version() + 1).orElse(1);
        byte[] pdf = ReportPdf.render(frozen, draft.narrativeEn(), draft.narrativeFr(),
                new ReportPdf.Meta(settings.foundationName(), version, previous.map(MonthlyReport::version).orElse(null),
                        signer.keyId(), verifyUrl()));
        String sha256 = sha256(pdf);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("report", settings.baseUrl() + "/reports/month.xhtml?month=" + month + "&version=" + version);
        claims.put("month", month.toString());
        claims.put("version", version);
        claims.put("sha256", sha256);
        claims.put("iat", Instant.now().getEpochSecond());
        String signature = signer.sign(SIGNATURE_TYPE, claims);
        MonthlyReport published = reports.publish(draft.id(), month, FiguresJson.toJson(frozen).toString(), pdf,
                sha256, signature, version, previous.map(MonthlyReport::id).orElse(null), by);
        publications.fire(new ReportPublished(month, version));
        return published;
    }

    /** The published versions whose PDF has exactly these bytes and whose signature checks out. */
    public Verification verify(byte[] pdf) {
        String sha256 = sha256(pdf);
        List<MonthlyReport> matches = reports.bySha256(sha256).stream()
                .filter(report -> signer.verify(report.signature())
                        .filter(claims -> sha256.equals(claims.get("sha256"))).isPresent())
                .toList();
        return new Verification(sha256, matches);
    }

    public String verifyUrl() {
        return settings.baseUrl() + "/reports/verify.xhtml";
    }

    private void refuseUnlessOver(YearMonth month) {
        LocalDate today = LocalDate.now(settings.timeZone());
        if (!month.isBefore(YearMonth.from(today))) {
            throw new ReportRefused(ReportRefused.Reason.MONTH_NOT_OVER);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
