package org.herdbook.finance.ledger.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.entity.AccountKind;
import org.herdbook.finance.ledger.entity.LedgerAccount;

/**
 * The chart of accounts, which the treasurer may extend and rename. Accounts are never removed
 * (postings refer to them); an account no longer used is deactivated.
 */
@ApplicationScoped
public class ChartOfAccounts {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z.-]{1,20}");
    private static final String COLUMNS = "code, kind, purpose, name_en, name_fr, active";

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    protected ChartOfAccounts() {
    }

    public ChartOfAccounts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<LedgerAccount> all() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM finance.account ORDER BY code")) {
            return read(select);
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    public Optional<LedgerAccount> byCode(String code) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM finance.account WHERE code = ?")) {
            select.setString(1, code);
            return read(select).stream().findFirst();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** The account the chart gives {@code purpose} (see {@link org.herdbook.finance.ledger.entity.AccountPurpose}). */
    public LedgerAccount byPurpose(String purpose) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM finance.account WHERE purpose = ?")) {
            select.setString(1, purpose);
            return read(select).stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("the chart of accounts has no " + purpose + " account"));
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
    }

    /** Adds an account; its code must be new. */
    public LedgerAccount add(String code, AccountKind kind, String nameEn, String nameFr) {
        requireCode(code);
        requireName(nameEn);
        requireName(nameFr);
        if (byCode(code).isPresent()) {
            throw Refusal.conflict("finance.accounts.codeTaken", code);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO finance.account (code, kind, name_en, name_fr) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, code);
            insert.setString(2, kind.code());
            insert.setString(3, nameEn.strip());
            insert.setString(4, nameFr.strip());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return byCode(code).orElseThrow();
    }

    /** Renames an account in both languages; its postings keep referring to it. */
    public LedgerAccount rename(String code, String nameEn, String nameFr, boolean active) {
        requireName(nameEn);
        requireName(nameFr);
        LedgerAccount existing = byCode(code).orElseThrow(() -> Refusal.notFound("finance.accounts.unknown", code));
        if (!active && existing.purpose() != null) {
            throw Refusal.conflict("finance.accounts.neededByBookkeeping", code);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE finance.account SET name_en = ?, name_fr = ?, active = ? WHERE code = ?")) {
            update.setString(1, nameEn.strip());
            update.setString(2, nameFr.strip());
            update.setBoolean(3, active);
            update.setString(4, code);
            update.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return byCode(code).orElseThrow();
    }

    private static void requireCode(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw Refusal.invalid("finance.accounts.badCode");
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw Refusal.invalid("finance.accounts.badName");
        }
    }

    private static List<LedgerAccount> read(PreparedStatement select) throws SQLException {
        List<LedgerAccount> accounts = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                accounts.add(new LedgerAccount(rows.getString(1), AccountKind.ofCode(rows.getString(2)),
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getBoolean(6)));
            }
        }
        return accounts;
    }
}
