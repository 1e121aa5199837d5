package org.herdbook.web.finance.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.herdbook.finance.paypal.control.ImportProgress;
import org.herdbook.finance.paypal.control.PaypalImport;
import org.herdbook.finance.paypal.entity.ImportReport;

/** One import in one transaction, for background jobs: all of the file or none of it. */
@ApplicationScoped
public class ImportRunner {

    @Inject
    PaypalImport imports;

    @Transactional(value = Transactional.TxType.REQUIRES_NEW)
    public ImportReport run(byte[] content, String fileName, String owner, boolean book, ImportProgress progress) {
        return imports.importActivity(content, fileName, owner, book, progress);
    }
}
