package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.NestingDepth;
import fr.aed.station.crypto.profile.LintFinding;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.qualified.QCStatement;

/**
 * Checks what a product's certificates must carry: key usage, end entity, QcStatements, policies,
 * and a signature algorithm that is not broken.
 */
final class IssuedExtensions {

  // md2, md5, sha1 with RSA; sha1 with ECDSA and DSA; the old OIW sha1WithRSA.
  private static final Set<String> WEAK_SIGNATURES =
      Set.of(
          "1.2.840.113549.1.1.2",
          "1.2.840.113549.1.1.4",
          "1.2.840.113549.1.1.5",
          "1.2.840.10045.4.1",
          "1.2.840.10040.4.3",
          "1.3.14.3.2.29");

  private static final Set<String> CA_USAGES = Set.of("keyCertSign", "cRLSign");

  private IssuedExtensions() {}

  static List<LintFinding> check(
      X509Certificate certificate, Extensions extensions, CertificateProfile profile) {
    List<LintFinding> findings = new ArrayList<>();
    checkKeyUsage(certificate, profile, findings);
    checkExtendedKeyUsage(certificate, profile, findings);
    if (certificate.getBasicConstraints() != -1) {
      findings.add(
          Findings.error(
              "CA_CERTIFICATE", "the certificate is a CA certificate (basicConstraints)"));
    }
    checkQcStatements(extensions, profile, findings);
    checkPolicies(extensions, profile, findings);
    checkSignature(certificate, findings);
    return findings;
  }

  private static void checkKeyUsage(
      X509Certificate certificate, CertificateProfile profile, List<LintFinding> findings) {
    boolean[] bits = certificate.getKeyUsage();
    for (String usage : profile.keyUsages()) {
      int bit = CertificateProfile.KEY_USAGE_BITS.indexOf(usage);
      if (bits == null || bits.length <= bit || !bits[bit]) {
        findings.add(
            Findings.error(
                "KEY_USAGE_MISSING", "the key usage lacks " + usage + ", which is ordered", usage));
      }
    }
    checkExtraKeyUsage(bits, profile, findings);
    if (bits != null
        && !certificate.getCriticalExtensionOIDs().contains(Extension.keyUsage.getId())) {
      findings.add(
          Findings.warning(
              "KEY_USAGE_NOT_CRITICAL", "the key usage is not critical, as EN 319 412-2 asks"));
    }
  }

  // Certificate and CRL signing make a holder's key a CA's, whatever basicConstraints says (or
  // when it is absent): refused. Other bits the product does not order are shown.
  private static void checkExtraKeyUsage(
      boolean[] bits, CertificateProfile profile, List<LintFinding> findings) {
    if (bits == null) {
      return;
    }
    for (int bit = 0; bit < bits.length && bit < CertificateProfile.KEY_USAGE_BITS.size(); bit++) {
      String usage = CertificateProfile.KEY_USAGE_BITS.get(bit);
      if (!bits[bit] || profile.keyUsages().contains(usage)) {
        continue;
      }
      if (CA_USAGES.contains(usage)) {
        findings.add(
            Findings.error(
                "KEY_USAGE_NOT_ALLOWED",
                "the key usage has " + usage + ", which only a CA's key may have",
                usage));
      } else {
        findings.add(
            Findings.warning(
                "KEY_USAGE_EXTRA",
                "the key usage has " + usage + ", which the product does not order",
                usage));
      }
    }
  }

  private static void checkExtendedKeyUsage(
      X509Certificate certificate, CertificateProfile profile, List<LintFinding> findings) {
    List<String> usages;
    try {
      usages = certificate.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      findings.add(
          Findings.error(
              "EXTENDED_KEY_USAGE_NOT_ALLOWED",
              "the extended key usage is unreadable",
              "unreadable"));
      return;
    }
    if (usages == null) {
      return;
    }
    for (String usage : usages) {
      if (!profile.extendedKeyUsagesAllowed().contains(usage)) {
        String name = CertificateProfile.extendedKeyUsageName(usage);
        findings.add(
            Findings.error(
                "EXTENDED_KEY_USAGE_NOT_ALLOWED",
                "the certificate may be used for " + name + ", which the product does not allow",
                name));
      }
    }
  }

  private static void checkQcStatements(
      Extensions extensions, CertificateProfile profile, List<LintFinding> findings) {
    Set<String> present = qcStatements(extensions);
    for (String required : profile.qcStatements()) {
      if (!present.contains(required)) {
        String name = CertificateProfile.qcStatementName(required);
        findings.add(
            Findings.error(
                "QC_STATEMENT_MISSING",
                "the certificate lacks the QcStatement " + name + " (" + required + ")",
                name,
                required));
      }
    }
  }

  /** The statement OIDs, and each type a QcType statement lists (0.4.0.1862.1.6.x). */
  static Set<String> qcStatements(Extensions extensions) {
    Set<String> present = new HashSet<>();
    Extension extension =
        extensions == null ? null : extensions.getExtension(Extension.qCStatements);
    if (extension == null || !NestingDepth.acceptable(extension.getExtnValue().getOctets())) {
      return present;
    }
    try {
      for (ASN1Encodable element : ASN1Sequence.getInstance(extension.getParsedValue())) {
        QCStatement statement = QCStatement.getInstance(element);
        present.add(statement.getStatementId().getId());
        if (statement.getStatementId().getId().equals(CertificateProfile.QC_TYPE)
            && statement.getStatementInfo() != null) {
          for (ASN1Encodable type : ASN1Sequence.getInstance(statement.getStatementInfo())) {
            present.add(ASN1ObjectIdentifier.getInstance(type).getId());
          }
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      // A damaged extension proves nothing: every statement asked for is then reported missing.
      return Set.of();
    }
    return present;
  }

  private static void checkPolicies(
      Extensions extensions, CertificateProfile profile, List<LintFinding> findings) {
    Set<String> present = policies(extensions);
    for (String required : profile.policies()) {
      if (!present.contains(required)) {
        findings.add(
            Findings.error(
                "POLICY_MISSING", "the certificate lacks the policy " + required, required));
      }
    }
  }

  private static Set<String> policies(Extensions extensions) {
    Set<String> present = new HashSet<>();
    Extension extension =
        extensions == null ? null : extensions.getExtension(Extension.certificatePolicies);
    if (extension == null || !NestingDepth.acceptable(extension.getExtnValue().getOctets())) {
      return present;
    }
    try {
      CertificatePolicies policies = CertificatePolicies.getInstance(extension.getParsedValue());
      for (PolicyInformation information : policies.getPolicyInformation()) {
        present.add(information.getPolicyIdentifier().getId());
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      return Set.of(); // damaged: every policy asked for is reported missing
    }
    return present;
  }

  private static void checkSignature(X509Certificate certificate, List<LintFinding> findings) {
    String name = certificate.getSigAlgName().toUpperCase(java.util.Locale.ROOT);
    if (WEAK_SIGNATURES.contains(certificate.getSigAlgOID())
        || name.contains("SHA1")
        || name.contains("MD5")
        || name.contains("MD2")) {
      findings.add(
          Findings.error(
              "WEAK_SIGNATURE",
              "the CA signed the certificate with " + certificate.getSigAlgName() + ", broken",
              certificate.getSigAlgName()));
    }
  }
}
