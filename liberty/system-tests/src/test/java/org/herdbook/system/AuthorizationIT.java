package org.herdbook.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every member, board and administrator operation and page, called as each role and as an
 * anonymous visitor: the set of callers let through must be exactly the declared one. Requests
 * carry deliberately empty bodies, so the callers who are let through change nothing (except the
 * resignation, which needs no body and is called last).
 */
class AuthorizationIT {

    private static final List<String> CALLERS = List.of("anonymous", "member", "treasurer", "secretary", "board",
            "admin");
    private static final Map<String, TestPeople.Person> PEOPLE = new LinkedHashMap<>();
    private static TestPeople.Person subject;

    @BeforeAll
    static void people() {
        for (String role : CALLERS.subList(1, CALLERS.size())) {
            PEOPLE.put(role, TestPeople.withRoles("only-" + role, role));
        }
        subject = TestPeople.withRoles("subject", "member");
    }

    private record Operation(String method, String path, Set<String> allowed) {
    }

    private static Set<String> roles(String... roles) {
        return new TreeSet<>(List.of(roles));
    }

    /** An identifier nothing has: callers let through get 404 or 400, and nothing changes. */
    private static final String UUID_NONE = "00000000-0000-4000-8000-000000000000";
    /** Ballot operations are called on a ballot that does not exist: 404 once let through. */
    private static final String UNKNOWN_BALLOT = "00000000-0000-4000-8000-000000000000";

    private static final Set<String> EVERYONE_SIGNED_IN = roles("member", "treasurer", "secretary", "board", "admin");

    @Test
    void eachApiOperationLetsThroughExactlyItsRoles() {
        String member = "/api/members/" + "%s";
        String meeting = "/api/meetings/" + UUID_NONE;
        List<Operation> operations = List.of(
                new Operation("GET", "/api/me", EVERYONE_SIGNED_IN),
                new Operation("GET", "/api/me/membership", EVERYONE_SIGNED_IN),
                new Operation("GET", "/api/me/data", EVERYONE_SIGNED_IN),
                new Operation("POST", "/api/me/data/closure", EVERYONE_SIGNED_IN),
                new Operation("POST", "/api/me/account/password", EVERYONE_SIGNED_IN),
                new Operation("PUT", "/api/me/account/preferences", EVERYONE_SIGNED_IN),
                new Operation("GET", "/api/bylaws", EVERYONE_SIGNED_IN),
                new Operation("PUT", "/api/bylaws", roles("admin")),
                new Operation("GET", "/api/members", roles("board", "secretary", "treasurer")),
                new Operation("GET", "/api/members/export.csv", roles("board", "secretary", "treasurer")),
                new Operation("GET", member.formatted(subject.id()), roles("board", "secretary", "treasurer")),
                new Operation("GET", member.formatted(subject.id()) + "/eligibility", roles("board", "secretary")),
                new Operation("POST", member.formatted(subject.id()) + "/standing", roles("board")),
                new Operation("POST", member.formatted(subject.id()) + "/project-membership", roles("board")),
                new Operation("POST", member.formatted(subject.id()) + "/dues-payments", roles("treasurer")),
                new Operation("POST", "/api/accounts", roles("admin")),
                new Operation("GET", "/api/accounts", roles("admin")),
                new Operation("PUT", "/api/accounts/" + subject.id() + "/roles/not-a-role", roles("admin")),
                new Operation("DELETE", "/api/accounts/" + subject.id() + "/roles/not-a-role", roles("admin")),
                new Operation("GET", "/api/audit", roles("admin")),
                new Operation("POST", "/api/board/terms", roles("board", "secretary")),
                new Operation("POST", "/api/board/terms/" + UUID_NONE + "/resignation", roles("board", "secretary")),
                new Operation("POST", "/api/board/terms/" + UUID_NONE + "/offices", roles("board", "secretary")),
                new Operation("POST", "/api/meetings", roles("board", "secretary")),
                new Operation("GET", "/api/meetings", roles("board", "secretary")),
                new Operation("GET", meeting, roles("board", "secretary")),
                new Operation("POST", meeting + "/notice", roles("board", "secretary")),
                new Operation("POST", meeting + "/agenda", roles("board", "secretary")),
                new Operation("POST", meeting + "/documents", roles("board", "secretary")),
                new Operation("GET", meeting + "/documents/" + UUID_NONE, roles("board", "secretary")),
                new Operation("POST", meeting + "/attendance", roles("board", "secretary")),
                new Operation("POST", meeting + "/call-to-order", roles("board", "secretary")),
                new Operation("POST", meeting + "/adjournment", roles("board", "secretary")),
                new Operation("POST", meeting + "/motions", roles("board", "secretary")),
                new Operation("POST", meeting + "/motions/" + UUID_NONE + "/result", roles("board", "secretary")),
                new Operation("POST", meeting + "/motions/" + UUID_NONE + "/ballot", roles("board", "secretary")),
                new Operation("POST", meeting + "/minutes", roles("board", "secretary")),
                new Operation("PUT", meeting + "/minutes", roles("board", "secretary")),
                // The secretary reaches the rule and is refused with its own reason (403): only the board approves.
                new Operation("POST", meeting + "/minutes/approval", roles("board")),
                new Operation("GET", meeting + "/minutes.pdf", roles("board", "secretary")),
                new Operation("GET", "/api/meetings/resolutions", EVERYONE_SIGNED_IN),
                new Operation("GET", "/api/filings", roles("board", "secretary")),
                new Operation("POST", "/api/filings", roles("board", "secretary")),
                new Operation("POST", "/api/filings/" + UUID_NONE + "/filed", roles("board", "secretary")),
                // Dues through PayPal: an empty body is refused by the rules, after the role check.
                new Operation("POST", "/api/finance/dues/plans", roles("admin")),
                new Operation("GET", "/api/finance/dues/plans", EVERYONE_SIGNED_IN),
                new Operation("POST", "/api/me/dues-subscription", EVERYONE_SIGNED_IN),
                new Operation("GET", "/api/me/dues-subscription", EVERYONE_SIGNED_IN),
                new Operation("POST", "/api/me/dues-subscription/cancellation", EVERYONE_SIGNED_IN),
                new Operation("GET", "/api/reports/2099-01/draft", roles("treasurer", "board")),
                new Operation("POST", "/api/reports/2099-01/draft", roles("treasurer", "board")),
                new Operation("PUT", "/api/reports/2099-01/draft/narrative", roles("treasurer", "board")),
                new Operation("PUT", "/api/reports/2099-01/instance-figures", roles("treasurer", "board")),
                new Operation("POST", "/api/reports/not-a-month/instance-figures/mastodon", roles("treasurer", "board")),
                new Operation("POST", "/api/reports/2099-01/publication", roles("board")),
                new Operation("POST", "/api/ballots", roles("board", "secretary")),
                new Operation("POST", "/api/ballots/" + UNKNOWN_BALLOT + "/opening", roles("board", "secretary")),
                new Operation("GET", "/api/ballots/" + UNKNOWN_BALLOT + "/roll/me", EVERYONE_SIGNED_IN),
                new Operation("POST", "/api/ballots/" + UNKNOWN_BALLOT + "/keys", EVERYONE_SIGNED_IN),
                // Last: it really resigns the callers who are members (only the member-only account here).
                new Operation("POST", "/api/me/membership/resignation", EVERYONE_SIGNED_IN));
        HttpClient client = TestServer.newSession();
        List<String> wrong = new ArrayList<>();
        for (Operation operation : operations) {
            Set<String> letThrough = new TreeSet<>();
            for (String caller : CALLERS) {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestServer.url(operation.path())))
                        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                        .method(operation.method(), operation.method().equals("GET") || operation.method().equals("DELETE")
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
                if (!caller.equals("anonymous")) {
                    request.header("Authorization", PEOPLE.get(caller).bearer());
                }
                int status = send(client, request.build()).statusCode();
                if (caller.equals("anonymous") && status != 401) {
                    wrong.add(operation + " answered " + status + " to an anonymous caller");
                }
                // 404 "not a member" or 400 "empty body" mean the caller was let through to the rules.
                if (status != 401 && status != 403) {
                    letThrough.add(caller);
                }
            }
            if (!letThrough.equals(operation.allowed())) {
                wrong.add(operation.method() + " " + operation.path() + " let through " + letThrough + ", expected "
                        + operation.allowed());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void eachPageShowsItselfToExactlyItsRoles() {
        Map<String, Set<String>> pages = new LinkedHashMap<>();
        pages.put("/member/index.xhtml", EVERYONE_SIGNED_IN);
        pages.put("/member/account.xhtml", EVERYONE_SIGNED_IN);
        pages.put("/board/members.xhtml", roles("board", "secretary"));
        pages.put("/board/member.xhtml?id=" + subject.id(), roles("board", "secretary"));
        pages.put("/board/meetings.xhtml", roles("board", "secretary"));
        pages.put("/board/board.xhtml", roles("board", "secretary"));
        pages.put("/treasurer/dues.xhtml", roles("treasurer"));
        pages.put("/board/reports.xhtml", roles("treasurer", "board"));
        pages.put("/board/report-draft.xhtml?month=2099-01", roles("treasurer", "board"));
        pages.put("/admin/index.xhtml", roles("admin"));
        pages.put("/admin/accounts.xhtml", roles("admin"));
        pages.put("/admin/audit.xhtml", roles("admin"));
        pages.put("/admin/bylaws.xhtml", roles("admin"));
        pages.put("/admin/dues-plans.xhtml", roles("admin"));
        pages.put("/member/dues.xhtml", EVERYONE_SIGNED_IN);
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String ballot = TestVoters.openYesNo(PEOPLE.get("board"), now, now.plus(java.time.Duration.ofHours(1)),
                "{\"count\": 1}").getJsonObject("ballot").getString("id");
        pages.put("/member/vote.xhtml?id=" + ballot, EVERYONE_SIGNED_IN);
        pages.put("/board/ballots.xhtml", roles("board", "secretary"));
        Map<String, HttpClient> sessions = new LinkedHashMap<>();
        sessions.put("anonymous", TestServer.newSession());
        PEOPLE.forEach((role, person) -> sessions.put(role, TestPeople.signedIn(person.email(), TestPeople.PASSWORD)));
        List<String> wrong = new ArrayList<>();
        pages.forEach((page, allowed) -> {
            Set<String> shown = new TreeSet<>();
            sessions.forEach((caller, session) -> {
                HttpResponse<String> response = TestServer.get(session, page);
                if (caller.equals("anonymous")) {
                    boolean toSignIn = response.statusCode() == 302 && response.headers().firstValue("Location")
                            .orElse("").contains("/sign-in.xhtml");
                    if (!toSignIn) {
                        wrong.add(page + " answered " + response.statusCode() + " to an anonymous visitor");
                    }
                } else if (response.statusCode() == 200) {
                    shown.add(caller);
                } else if (response.statusCode() != 403) {
                    wrong.add(page + " answered " + response.statusCode() + " to " + caller);
                }
            });
            if (!shown.equals(allowed)) {
                wrong.add(page + " was shown to " + shown + ", expected " + allowed);
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
