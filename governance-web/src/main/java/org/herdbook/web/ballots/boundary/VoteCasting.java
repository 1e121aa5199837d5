package org.herdbook.web.ballots.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.herdbook.ballots.casting.control.BallotFormat;
import org.herdbook.ballots.casting.entity.Rejection;
import org.herdbook.ballots.log.entity.BallotReceipt;
import org.herdbook.web.api.Problem;
import org.herdbook.web.api.Problems;
import org.herdbook.web.api.Refusal;
import org.herdbook.web.ballots.control.BallotBox;
import org.herdbook.web.ballots.control.VoteRefused;
import org.herdbook.web.i18n.Language;
import org.herdbook.web.i18n.Messages;
import org.herdbook.web.i18n.RequestLanguage;

/**
 * The {@code castBallot} operation, {@code POST /api/ballots/{id}/votes}: a compact JWS in, the
 * signed receipt (201) or a problem document out. It is the one API operation served by a servlet
 * filter instead of a JAX-RS resource method, because it is the one that must take 1,500 casts a
 * second on two cores: measured with the casting benchmark, the JAX-RS dispatch of a cast (resource
 * matching, argument injection, the suspended response's executor lookup, JSON-B and the per-route
 * request metrics) cost about a quarter of the server's CPU per cast. The operation is documented
 * with the others by {@link CastingOpenApi}.
 *
 * <p>The filter runs after the language and security-header filters. Every other request, and any
 * method but POST on this path, goes down the chain to JAX-RS. The cast is verified on the request
 * thread, then the request is suspended until its batch commits (see {@code BallotAppender}); its
 * latency is recorded in the application metric {@code ballot.casts} by outcome, since Liberty's
 * per-route HTTP metrics (a filter after this one) do not see it.
 */
public class VoteCasting extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(VoteCasting.class.getName());

    private static final String PREFIX = "/api/ballots/";
    private static final String SUFFIX = "/votes";
    /** How long a cast may wait for its batch before it is answered 503 (a batch takes milliseconds). */
    static final long TIMEOUT_MILLIS = 30_000;
    private static final JsonGeneratorFactory JSON = Json.createGeneratorFactory(Map.of());

    @Inject
    transient BallotBox ballots;
    @Inject
    transient Messages messages;
    @Inject
    transient MetricRegistry metrics;

    private transient Timer accepted;
    private transient Timer refused;
    private transient Timer failed;

    @Override
    public void init() throws ServletException {
        accepted = timer("accepted");
        refused = timer("refused");
        failed = timer("failed");
    }

    private Timer timer(String outcome) {
        return metrics.timer(Metadata.builder().withName("ballot.casts")
                .withDescription("Votes cast through the API, from request to answer, by outcome").build(),
                new Tag("outcome", outcome));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String ballot = ballotOf(request.getRequestURI(), request.getContextPath());
        if (ballot == null || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Answer answer = new Answer(request.startAsync(), RequestLanguage.decidedFor(request));
        try {
            if (!acceptable(request.getContentType())) {
                answer.problem(answer.problem("vote-media-type", Response.Status.UNSUPPORTED_MEDIA_TYPE), refused);
                return;
            }
            UUID id = BallotsResource.ballotId(ballot);
            String compact = read(request.getInputStream());
            ballots.castAsync(id, compact).whenComplete(answer);
        } catch (RuntimeException e) {
            answer.accept(null, e);
        }
    }

    /** @return the ballot id segment of {@code <context>/api/ballots/{id}/votes}, or null for any other path */
    static String ballotOf(String uri, String contextPath) {
        int start = contextPath.length() + PREFIX.length();
        if (uri.length() <= start + SUFFIX.length() || !uri.startsWith(PREFIX, start - PREFIX.length())
                || !uri.endsWith(SUFFIX)) {
            return null;
        }
        String id = uri.substring(start, uri.length() - SUFFIX.length());
        return id.indexOf('/') < 0 ? id : null;
    }

    /** A vote is sent as {@code application/jose} (RFC 7515) or, for simple tools, as plain text. */
    static boolean acceptable(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.equalsIgnoreCase(BallotsResource.JOSE) || type.equalsIgnoreCase("text/plain");
    }

    /** Reads at most one character more than a vote may have, so an oversized body costs nothing more. */
    private static String read(InputStream body) {
        try {
            byte[] bytes = body.readNBytes(BallotFormat.MAX_LENGTH + 1);
            if (bytes.length > BallotFormat.MAX_LENGTH) {
                throw new VoteRefused(Rejection.OVERSIZED, null);
            }
            return new String(bytes, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new VoteRefused(Rejection.MALFORMED, e);
        }
    }

    /**
     * Answers one suspended cast, once: with its receipt, its refusal, a failure, or (after
     * {@link #TIMEOUT_MILLIS}) 503. Whichever comes first wins; the others are dropped.
     */
    private final class Answer implements BiConsumer<BallotReceipt, Throwable>, AsyncListener {
        private final AsyncContext async;
        private final Language language;
        private final long started = System.nanoTime();
        private final AtomicBoolean answered = new AtomicBoolean();

        Answer(AsyncContext async, Language language) {
            this.async = async;
            this.language = language;
            async.setTimeout(TIMEOUT_MILLIS);
            async.addListener(this);
        }

        @Override
        public void accept(BallotReceipt receipt, Throwable failure) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause == null) {
                write(HttpServletResponse.SC_CREATED, "application/json", receiptJson(receipt), accepted);
            } else if (cause instanceof VoteRefused vote) {
                problem(VoteRefusals.problemOf(vote, messages, language), refused);
            } else if (cause instanceof Refusal refusal) {
                problem(problem(refusal.kind(), refusal.status(), refusal.arguments()), refused);
            } else {
                LOG.log(Level.SEVERE, "Casting a vote failed", cause);
                problem(problem("internal-error", Response.Status.INTERNAL_SERVER_ERROR), failed);
            }
        }

        void problem(Problem problem, Timer outcome) {
            write(problem.status(), Problem.MEDIA_TYPE, problem.json(), outcome);
        }

        /** The problem {@code kind} in the caller's language ({@code problem.<kind>.*} messages). */
        Problem problem(String kind, Response.StatusType status, Object... arguments) {
            return Problems.in(messages, language, kind, status, arguments);
        }

        private void write(int status, String mediaType, String json, Timer outcome) {
            if (!answered.compareAndSet(false, true)) {
                return;
            }
            try {
                HttpServletResponse response = (HttpServletResponse) async.getResponse();
                byte[] body = json.getBytes(StandardCharsets.UTF_8);
                response.setStatus(status);
                response.setContentType(mediaType);
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            } catch (IOException | RuntimeException e) {
                // The voter hung up: the cast itself stands or fails as its batch did.
                LOG.log(Level.FINE, "The answer to a cast could not be written", e);
            } finally {
                async.complete();
                outcome.update(Duration.ofNanos(System.nanoTime() - started));
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            LOG.warning(() -> "A cast waited " + TIMEOUT_MILLIS + " ms for its batch and was answered 503");
            problem(problem("vote-timeout", Response.Status.SERVICE_UNAVAILABLE), failed);
        }

        @Override
        public void onError(AsyncEvent event) {
            LOG.log(Level.FINE, "A cast's connection failed", event.getThrowable());
            if (answered.compareAndSet(false, true)) {
                async.complete();
                failed.update(Duration.ofNanos(System.nanoTime() - started));
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // Nothing to release.
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // Never restarted.
        }
    }

    static String receiptJson(BallotReceipt receipt) {
        StringWriter out = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject().write("ballotId", receipt.ballotId()).write("leafIndex", receipt.leafIndex())
                    .write("treeSize", receipt.treeHead().treeSize()).write("rootHash", receipt.treeHead().rootHash())
                    .write("treeHead", receipt.treeHead().jws()).write("receipt", receipt.jws()).writeEnd();
        }
        return out.toString();
    }
}
