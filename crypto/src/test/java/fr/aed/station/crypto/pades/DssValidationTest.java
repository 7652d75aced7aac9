package fr.aed.station.crypto.pades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The EU DSS validator, offline, with the test certificate as trust anchor: it decides the PAdES
 * level by its own reading of ETSI EN 319 142-1.
 */
class DssValidationTest {

  @ParameterizedTest
  @ValueSource(strings = {"RSA", "EC"})
  void dssSeesAnIntactBaselineBSignatureAndPassesIt(String algorithm) {
    SignedSample sample = SignedSample.of(algorithm);
    Reports reports = OfflineDss.validate(sample.signed(), sample.certificate());
    SimpleReport simple = reports.getSimpleReport();
    assertEquals(1, simple.getSignaturesCount(), reports.getXmlSimpleReport());
    String id = simple.getFirstSignatureId();
    SignatureWrapper signature = reports.getDiagnosticData().getSignatureById(id);
    assertEquals(SignatureLevel.PAdES_BASELINE_B, simple.getSignatureFormat(id));
    assertTrue(signature.isSignatureIntact(), "intact");
    assertTrue(signature.isSignatureValid(), "valid");
    assertTrue(signature.isSigningCertificateIdentified(), "signing certificate identified");
    assertTrue(signature.isSigningCertificateReferencePresent(), "signing-certificate-v2");
    assertEquals(
        Indication.TOTAL_PASSED,
        simple.getIndication(id),
        simple.getSubIndication(id) + "\n" + reports.getXmlSimpleReport());
  }
}
