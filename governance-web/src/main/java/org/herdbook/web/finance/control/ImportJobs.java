package org.herdbook.web.finance.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.paypal.entity.ImportReport;

/**
 * Activity downloads imported in the background, so that a page can show a large file's progress
 * (it refreshes itself, without JavaScript). Progress lives in this server's memory only while a
 * file imports; the outcome is stored with the import (finance.paypal_import). With several
 * servers, sticky sessions keep a treasurer on the server that imports their file.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class.getName());
    private static final int KEPT = 50;

    @Resource
    ManagedExecutorService executor;
    @Inject
    ImportRunner runner;

    private final Map<UUID, ImportJob> jobs = new ConcurrentHashMap<>();

    /** Starts importing {@code content} for {@code owner}; the job's id is the page's address. */
    public ImportJob start(byte[] content, String fileName, String owner, boolean book) {
        if (jobs.size() > KEPT) {
            jobs.values().removeIf(ImportJob::finished);
        }
        ImportJob job = new ImportJob(UUID.randomUUID(), owner, fileName);
        jobs.put(job.id(), job);
        executor.submit(() -> {
            try {
                ImportReport report = runner.run(content, fileName, owner, book, job::progressed);
                job.finish(report);
            } catch (Refusal refusal) {
                job.fail(refusal.messageKey(), refusal.arguments());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "PayPal activity import failed", e);
                job.fail("finance.import.failed");
            }
        });
        return job;
    }

    /** The job {@code id}, if {@code owner} started it. */
    public Optional<ImportJob> find(UUID id, String owner) {
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.owner().equals(owner));
    }
}
