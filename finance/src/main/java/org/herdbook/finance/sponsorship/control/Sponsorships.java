package org.herdbook.finance.sponsorship.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.herdbook.finance.Refusal;
import org.herdbook.finance.ledger.control.Sql;
import org.herdbook.finance.money.Money;
import org.herdbook.finance.sponsorship.entity.Sponsorship;

/** Sponsorships: recorded by the treasurer; their amounts are shown only to the treasurer and the board. */
@ApplicationScoped
public class Sponsorships {

    @Resource(lookup = "jdbc/herdbook")
    DataSource dataSource;

    protected Sponsorships() {
    }

    public Sponsorships(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Sponsorship record(String sponsor, String publicName, boolean anonymous, Money amount, LocalDate startsOn,
            LocalDate endsOn, String recordedBy) {
        if (sponsor == null || sponsor.isBlank() || sponsor.strip().length() > 200
                || (publicName != null && publicName.strip().length() > 200)) {
            throw Refusal.invalid("finance.sponsorship.badSponsor");
        }
        if (amount == null || !amount.isPositive()) {
            throw Refusal.invalid("finance.sponsorship.badAmount");
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw Refusal.invalid("finance.sponsorship.badPeriod");
        }
        Sponsorship sponsorship = new Sponsorship(UUID.randomUUID(), sponsor.strip(),
                publicName == null || publicName.isBlank() ? null : publicName.strip(), anonymous, amount, startsOn, endsOn);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO finance.sponsorship (id, sponsor,"
                        + " public_name, anonymous, currency, amount, starts_on, ends_on, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, sponsorship.id());
            insert.setString(2, sponsorship.sponsor());
            insert.setString(3, sponsorship.publicName());
            insert.setBoolean(4, anonymous);
            insert.setString(5, amount.getCurrency().getCurrencyCode());
            insert.setBigDecimal(6, amount.getAmount());
            insert.setObject(7, startsOn);
            insert.setObject(8, endsOn);
            insert.setString(9, recordedBy);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return sponsorship;
    }

    /** Every sponsorship, newest period first. Callers decide what of it a person may see. */
    public List<Sponsorship> all() {
        List<Sponsorship> sponsorships = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, sponsor, public_name, anonymous,"
                        + " currency, amount, starts_on, ends_on FROM finance.sponsorship ORDER BY starts_on DESC, sponsor");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Currency currency = Currency.getInstance(rows.getString(5).strip());
                sponsorships.add(new Sponsorship(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getBoolean(4), Money.of(rows.getBigDecimal(6), currency),
                        rows.getObject(7, LocalDate.class), rows.getObject(8, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw Sql.translate(e);
        }
        return sponsorships;
    }
}
