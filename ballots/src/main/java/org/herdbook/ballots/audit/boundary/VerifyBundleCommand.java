package org.herdbook.ballots.audit.boundary;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import org.herdbook.ballots.audit.control.BundleVerifier;
import org.herdbook.ballots.audit.control.InclusionProofs;
import org.herdbook.ballots.audit.entity.Finding;
import org.herdbook.ballots.audit.entity.InclusionProof;
import org.herdbook.ballots.audit.entity.VerificationReport;
import org.herdbook.ballots.manifest.control.CanonicalJson;
import org.herdbook.ballots.manifest.control.JsonMembers;

/**
 * The offline audit verifier, run by anyone on a published bundle:
 * {@code java -jar ballots-<version>-verifier.jar [--ballot BALLOT_ID] [--lang en|fr] bundle.json}.
 *
 * <p>Exit codes: {@value #VERIFIED} the bundle verifies (and the ballot, if given, is in it);
 * {@value #NOT_VERIFIED} it does not (each finding is printed) or the ballot is not in it;
 * {@value #USAGE} the command was used wrongly or the file cannot be read.
 *
 * <p>This is the one class that writes to the console: the report to standard output, usage and
 * file errors to standard error.
 */
public final class VerifyBundleCommand {

    /** The bundle verifies. */
    public static final int VERIFIED = 0;
    /** The bundle does not verify, or the ballot asked about is not in it. */
    public static final int NOT_VERIFIED = 1;
    /** Wrong arguments or an unreadable file. */
    public static final int USAGE = 2;

    private VerifyBundleCommand() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * @param args the command line
     * @param out where the report goes
     * @param err where usage and file errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        String ballotId = null;
        Locale locale = Locale.getDefault();
        for (int i = 0; i < args.length; i++) {
            if ("--ballot".equals(args[i]) && i + 1 < args.length) {
                ballotId = args[++i];
            } else if ("--lang".equals(args[i]) && i + 1 < args.length) {
                locale = Locale.forLanguageTag(args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = args[i];
            } else {
                file = null;
                break;
            }
        }
        // No fallback to the machine's locale: --lang en must give English on a French machine.
        ResourceBundle messages = ResourceBundle.getBundle("org.herdbook.ballots.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        if (file == null) {
            err.println(messages.getString("ballots.verifier.usage"));
            return USAGE;
        }
        String json;
        try {
            json = Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            err.println(MessageFormat.format(messages.getString("ballots.verifier.unreadable"), file, e.getMessage()));
            return USAGE;
        }
        long started = System.nanoTime();
        VerificationReport report = BundleVerifier.verify(json);
        long millis = (System.nanoTime() - started) / 1_000_000;
        out.println(MessageFormat.format(messages.getString("ballots.verifier.summary"),
                String.valueOf(report.ballot()), report.ballots(), report.counted(), millis));
        for (Finding finding : report.findings()) {
            out.println("  [" + finding.code() + "] "
                    + new MessageFormat(messages.getString(finding.messageKey()), locale)
                            .format(finding.arguments().stream().map(String::valueOf).toArray()));
        }
        if (report.recount() != null) {
            out.println(MessageFormat.format(messages.getString("ballots.verifier.recount"),
                    CanonicalJson.write(report.recount())));
        }
        int code = report.isValid() ? VERIFIED : NOT_VERIFIED;
        out.println(messages.getString(report.isValid() ? "ballots.verifier.verified" : "ballots.verifier.notVerified"));
        if (ballotId != null) {
            Optional<InclusionProof> proof = proofOf(json, ballotId);
            if (proof.isPresent()) {
                out.println(MessageFormat.format(messages.getString("ballots.log.inclusionProven"),
                        proof.get().leafIndex(), proof.get().treeSize()));
            } else {
                out.println(MessageFormat.format(messages.getString("ballots.log.inclusionNotProven"), report.ballots()));
                code = NOT_VERIFIED;
            }
        }
        return code;
    }

    private static Optional<InclusionProof> proofOf(String json, String ballotId) {
        try {
            List<String> ids = new ArrayList<>();
            for (Object entry : JsonMembers.array(JSONObjectUtils.parse(json, -1), "ballots")) {
                ids.add(JsonMembers.string(JsonMembers.asObject(entry, "a ballot entry"), "ballotId"));
            }
            return InclusionProofs.of(ids).proof(ballotId);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
