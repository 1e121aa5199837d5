package org.herdbook.web.page;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** A transaction around a page action: all of it is stored, or (on any exception) none of it. */
@ApplicationScoped
public class Transactions {

    @Transactional
    public <T> T required(Supplier<T> work) {
        return work.get();
    }
}
