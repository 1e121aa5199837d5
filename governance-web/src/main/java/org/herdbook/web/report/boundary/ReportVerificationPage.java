package org.herdbook.web.report.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.herdbook.reports.publication.control.MonthlyReportWorkflow;
import org.herdbook.reports.publication.entity.MonthlyReport;
import org.herdbook.web.page.PageFeedback;

/** Anyone checks a downloaded report PDF: its SHA-256 against the signed hashes of the published reports. */
@Named("reportVerification")
@RequestScoped
public class ReportVerificationPage {

    @Inject
    MonthlyReportWorkflow workflow;
    @Inject
    ReportLinks links;
    @Inject
    PageFeedback feedback;

    private Part file;
    private MonthlyReportWorkflow.Verification result;

    public void verify() {
        if (file == null || file.getSize() == 0 || file.getSize() > MonthlyReportResource.PDF_MAX_BYTES) {
            feedback.status(400);
            feedback.error("reports.verify.file");
            return;
        }
        try (InputStream in = file.getInputStream()) {
            result = workflow.verify(in.readAllBytes());
        } catch (IOException e) {
            feedback.status(400);
            feedback.error("reports.verify.file");
        }
    }

    public MonthlyReportWorkflow.Verification getResult() {
        return result;
    }

    public List<MonthlyReport> getMatches() {
        return result == null ? List.of() : result.matches();
    }

    public String pageOf(MonthlyReport report) {
        return links.page(report);
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }
}
