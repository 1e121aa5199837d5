package org.herdbook.web.finance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.herdbook.finance.paypal.entity.ImportReport;
import org.herdbook.finance.policy.FinancePolicy;
import org.herdbook.web.finance.control.FinanceTexts;
import org.herdbook.web.finance.control.ImportJob;
import org.herdbook.web.finance.control.ImportJobs;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * The treasurer uploads a PayPal activity download; the import runs in the background and this
 * page, reloading itself every second while it runs, shows its progress and then its report.
 */
@Named
@RequestScoped
public class PaypalImportPage {

    @Inject
    ImportJobs jobs;
    @Inject
    FinancePolicy policy;
    @Inject
    FinancePages pages;
    @Inject
    FinanceTexts texts;
    @Inject
    RequestLanguage language;

    private Part file;
    private boolean book = true;
    private String job;
    private ImportJob.State found;

    public String upload() {
        if (file == null || file.getSize() == 0) {
            pages.status(400);
            pages.error(pages.text("finance.page.import.noFile"));
            return null;
        }
        if (file.getSize() > policy.importMaxBytes()) {
            pages.status(413);
            pages.error(pages.text("finance.import.problem.too-large", file.getSize() / (1024 * 1024),
                    policy.importMaxBytes() / (1024 * 1024)));
            return null;
        }
        byte[] content;
        try (InputStream in = file.getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            pages.status(400);
            pages.error(pages.text("finance.import.unreadable"));
            return null;
        }
        ImportJob started = jobs.start(content, file.getSubmittedFileName(), pages.caller(), book);
        return "/treasurer/paypal-import.xhtml?faces-redirect=true&job=" + started.id();
    }

    /** While the import runs, the browser reloads the page every second (no JavaScript needed). */
    public void load() {
        ImportJob.State current = getCurrent();
        if (job != null && current == null) {
            pages.status(404);
        }
        if (current != null && !current.finished()) {
            FacesContext.getCurrentInstance().getExternalContext().addResponseHeader("Refresh", "1");
        }
        if (current != null && current.report() != null && !current.report().imported()) {
            pages.status(422);
        }
    }

    /** The job as it stood when this request first looked: headers and body agree on it. */
    public ImportJob.State getCurrent() {
        if (found == null && job != null) {
            try {
                found = jobs.find(UUID.fromString(job), pages.caller()).map(ImportJob::state).orElse(null);
            } catch (IllegalArgumentException e) {
                found = null;
            }
        }
        return found;
    }

    public ImportReport getReport() {
        return getCurrent() == null ? null : getCurrent().report();
    }

    public String getFailure() {
        ImportJob.State current = getCurrent();
        return current == null || current.failureKey() == null ? null
                : texts.get(language.current(), current.failureKey(), current.failureArguments());
    }

    /** Every reason the file was rejected, in the visitor's language. */
    public List<String> getRejections() {
        ImportReport report = getReport();
        return report == null ? List.of() : report.problems().stream()
                .map(problem -> texts.explain(language.current(), problem)).toList();
    }

    public long getMaxMegabytes() {
        return policy.importMaxBytes() / (1024 * 1024);
    }

    public Part getFile() {
        return file;
    }

    public void setFile(Part file) {
        this.file = file;
    }

    public boolean isBook() {
        return book;
    }

    public void setBook(boolean book) {
        this.book = book;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }
}
