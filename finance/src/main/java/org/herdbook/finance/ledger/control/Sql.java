package org.herdbook.finance.ledger.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.herdbook.finance.Refusal;

/** JDBC helpers shared by the finance components. */
public final class Sql {

    private Sql() {
    }

    /** A PostgreSQL {@code text[]} of {@code values}, for {@code unnest} bulk statements. */
    public static java.sql.Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(new String[0]));
    }

    /**
     * The refusal a ledger trigger raised ({@code P0001} append-only, {@code P0002} closed month,
     * {@code P0004} unbalanced), or the exception wrapped as a fault.
     */
    public static RuntimeException translate(SQLException exception) {
        String state = exception.getSQLState();
        if ("P0002".equals(state)) {
            return Refusal.conflict("finance.ledger.monthClosedInDatabase");
        }
        if ("P0004".equals(state)) {
            return Refusal.invalid("finance.ledger.unbalancedInDatabase");
        }
        if ("P0001".equals(state)) {
            return Refusal.conflict("finance.ledger.appendOnly");
        }
        return new IllegalStateException("finance database operation failed: " + exception.getMessage(), exception);
    }
}
