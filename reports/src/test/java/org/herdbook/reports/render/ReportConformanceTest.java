package org.herdbook.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.herdbook.reports.figures.SampleFigures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The PDF is what its XMP says it is: veraPDF finds it PDF/A-2a (so also 2u and 2b) and PDF/UA-1
 * (the machine-checkable part), with a narrative in several scripts (fallback fonts), a correction
 * and an open month's notice.
 */
class ReportConformanceTest {

    enum Claim {
        PDF_A_2A(PDFAFlavour.PDFA_2_A), PDF_A_2U(PDFAFlavour.PDFA_2_U), PDF_UA_1(PDFAFlavour.PDFUA_1);

        final PDFAFlavour flavour;

        Claim(PDFAFlavour flavour) {
            this.flavour = flavour;
        }
    }

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @ParameterizedTest
    @EnumSource(Claim.class)
    void veraPdfFindsTheReportConforming(Claim claim) throws Exception {
        byte[] pdf = ReportPdf.render(SampleFigures.figures(false),
                "Thanks to Zoë, Ελένη, Дмитрий, 東京 and عربى.\nA second paragraph.", "Merci à Zoë et à שלום.",
                new ReportPdf.Meta("Fondation Québec Libre", 2, 1, "kid-123", "https://herdbook.example/reports/verify.xhtml"));
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), claim.flavour);
                PDFAValidator validator = Foundries.defaultInstance().createValidator(claim.flavour, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber()
                            + " " + assertion.getMessage())
                    .distinct().toList();
            assertThat(failed).as(claim + " rules failed").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }
}
