package org.herdbook.reports.figures.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import org.herdbook.reports.figures.entity.MonthlyFigures;

/**
 * {@link MonthlyFigures} as JSON and back: the frozen copy of a published report and the open data
 * are this one document. Amounts are strings of plain decimals ({@code "1234.50"}) so no reader
 * turns them into binary floating point.
 */
public final class FiguresJson {

    private FiguresJson() {
    }

    public static JsonObject toJson(MonthlyFigures figures) {
        MonthlyFigures.Revenue revenue = figures.revenue();
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("month", figures.month().toString())
                .add("timeZone", figures.timeZone())
                .add("currency", figures.currency())
                .add("monthClosed", figures.closed())
                .add("revenue", Json.createObjectBuilder()
                        .add("dues", amount(revenue.dues()))
                        .add("donations", amount(revenue.donations()))
                        .add("sponsorships", Json.createObjectBuilder().add("count", revenue.sponsorships())
                                .add("amount", "confidential"))
                        .add("other", amount(revenue.other()))
                        .add("totalExcludingSponsorships", amount(revenue.total()))
                        .add("paymentFees", amount(revenue.fees()))
                        .add("net", amount(revenue.net())))
                .add("expenses", array(figures.expenses(), line -> Json.createObjectBuilder()
                        .add("category", line.category()).add("categoryEn", line.categoryEn())
                        .add("categoryFr", line.categoryFr()).add("vendor", text(line.vendor()))
                        .add("note", text(line.note())).add("amount", amount(line.amount())).build()))
                .add("expensesByCategory", array(figures.expensesByCategory(), total -> Json.createObjectBuilder()
                        .add("category", total.category()).add("nameEn", total.nameEn()).add("nameFr", total.nameFr())
                        .add("amount", amount(total.amount())).build()))
                .add("expensesTotal", amount(figures.expensesTotal()))
                .add("result", amount(figures.result()));
        MonthlyFigures.Donations donations = figures.donations();
        json.add("donations", Json.createObjectBuilder().add("count", donations.count())
                .add("total", amount(donations.total())).add("average", amount(donations.average()))
                .add("largest", amount(donations.largest())).add("smallest", amount(donations.smallest())));
        json.add("recurring", Json.createObjectBuilder().add("donors", figures.recurring().donors())
                .add("monthlyRecurringRevenue", amount(figures.recurring().monthlyRevenue())));
        MonthlyFigures.Runway runway = figures.runway();
        json.add("runway", Json.createObjectBuilder().add("cashOnHand", amount(runway.cashOnHand()))
                .add("averageMonthlyExpenses", amount(runway.averageMonthlyExpenses()))
                .add("months", amount(runway.months())).add("targetMonths", runway.targetMonths())
                .add("meetsTarget", runway.meetsTarget()));
        json.add("membership", Json.createObjectBuilder()
                .add("counts", array(figures.membership().counts(), count -> Json.createObjectBuilder()
                        .add("class", count.memberClass()).add("standing", count.standing())
                        .add("count", count.count()).build()))
                .add("joined", figures.membership().joined()).add("lapsed", figures.membership().lapsed()));
        json.add("instance", toJson(figures.instance()));
        json.add("revenueHistory", array(figures.revenueHistory(), month -> Json.createObjectBuilder()
                .add("month", month.month().toString()).add("amount", amount(month.amount())).build()));
        return json.build();
    }

    /** The instance figures alone; JSON null for none. */
    public static JsonValue toJson(MonthlyFigures.Instance instance) {
        return instance == null ? JsonValue.NULL : Json.createObjectBuilder()
                .add("users", instance.users()).add("activeUsers", instance.activeUsers())
                .add("newUsers", instance.newUsers()).add("reportsOpened", instance.reportsOpened())
                .add("reportsResolved", instance.reportsResolved())
                .add("appealsReceived", number(instance.appealsReceived()))
                .add("appealsApproved", number(instance.appealsApproved())).add("source", instance.source()).build();
    }

    public static MonthlyFigures fromJson(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            json = reader.readObject();
        }
        JsonObject revenue = json.getJsonObject("revenue");
        JsonObject donations = json.getJsonObject("donations");
        JsonObject runway = json.getJsonObject("runway");
        JsonObject membership = json.getJsonObject("membership");
        JsonObject recurring = json.getJsonObject("recurring");
        MonthlyFigures.Instance instance = null;
        if (!json.isNull("instance")) {
            JsonObject i = json.getJsonObject("instance");
            instance = new MonthlyFigures.Instance(i.getJsonNumber("users").longValue(),
                    i.getJsonNumber("activeUsers").longValue(), i.getJsonNumber("newUsers").longValue(),
                    i.getJsonNumber("reportsOpened").longValue(), i.getJsonNumber("reportsResolved").longValue(),
                    optionalLong(i, "appealsReceived"), optionalLong(i, "appealsApproved"), i.getString("source"));
        }
        return new MonthlyFigures(YearMonth.parse(json.getString("month")), json.getString("timeZone"),
                json.getString("currency"), json.getBoolean("monthClosed"),
                new MonthlyFigures.Revenue(decimal(revenue, "dues"), decimal(revenue, "donations"),
                        revenue.getJsonObject("sponsorships").getInt("count"), decimal(revenue, "other"),
                        decimal(revenue, "totalExcludingSponsorships"), decimal(revenue, "paymentFees"),
                        decimal(revenue, "net")),
                list(json.getJsonArray("expenses"), line -> new MonthlyFigures.ExpenseLine(line.getString("category"),
                        line.getString("categoryEn"), line.getString("categoryFr"), optionalText(line, "vendor"),
                        optionalText(line, "note"), decimal(line, "amount"))),
                list(json.getJsonArray("expensesByCategory"), total -> new MonthlyFigures.CategoryTotal(
                        total.getString("category"), total.getString("nameEn"), total.getString("nameFr"),
                        decimal(total, "amount"))),
                decimal(json, "expensesTotal"), decimal(json, "result"),
                new MonthlyFigures.Donations(donations.getInt("count"), decimal(donations, "total"),
                        decimal(donations, "average"), decimal(donations, "largest"), decimal(donations, "smallest")),
                new MonthlyFigures.Recurring(recurring.getInt("donors"), decimal(recurring, "monthlyRecurringRevenue")),
                new MonthlyFigures.Runway(decimal(runway, "cashOnHand"), decimal(runway, "averageMonthlyExpenses"),
                        decimal(runway, "months"), runway.getInt("targetMonths"), runway.getBoolean("meetsTarget")),
                new MonthlyFigures.Membership(list(membership.getJsonArray("counts"),
                        count -> new MonthlyFigures.ClassStanding(count.getString("class"), count.getString("standing"),
                                count.getJsonNumber("count").longValue())),
                        membership.getInt("joined"), membership.getInt("lapsed")),
                instance,
                list(json.getJsonArray("revenueHistory"), month -> new MonthlyFigures.MonthAmount(
                        YearMonth.parse(month.getString("month")), decimal(month, "amount"))));
    }

    private static JsonValue amount(BigDecimal value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toPlainString());
    }

    private static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static JsonValue number(Long value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    private static BigDecimal decimal(JsonObject json, String name) {
        return json.isNull(name) ? null : new BigDecimal(json.getString(name));
    }

    private static String optionalText(JsonObject json, String name) {
        return json.isNull(name) ? null : json.getString(name);
    }

    private static Long optionalLong(JsonObject json, String name) {
        return json.isNull(name) ? null : json.getJsonNumber(name).longValue();
    }

    private static <T> JsonArray array(List<T> items, Function<T, JsonValue> each) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(item -> array.add(each.apply(item)));
        return array.build();
    }

    private static <T> List<T> list(JsonArray array, Function<JsonObject, T> each) {
        return array.getValuesAs(JsonObject.class).stream().map(each).toList();
    }
}
