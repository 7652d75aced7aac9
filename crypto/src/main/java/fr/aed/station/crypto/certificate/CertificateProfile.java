package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.profile.RequestProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the certificates of a product carry, as the station checks them when the CA sends one.
 *
 * @param keyUsages key usages that must be set, by their RFC 5280 names (such as {@code
 *     nonRepudiation})
 * @param qcStatements QcStatements that must be present, as OIDs (EN 319 412-5): 0.4.0.1862.1.1
 *     QcCompliance, 0.4.0.1862.1.4 QcSSCD; a QcType (0.4.0.1862.1.6.x, such as 0.4.0.1862.1.6.1
 *     esign) means a QcType statement that lists this type
 * @param policies certificate policy OIDs that must be present; may be empty
 * @param extendedKeyUsagesAllowed the extended key usages a certificate may carry, as OIDs; any
 *     other one (serverAuth, codeSigning, anyExtendedKeyUsage...) refuses it
 */
public record CertificateProfile(
    List<String> keyUsages,
    List<String> qcStatements,
    List<String> policies,
    List<String> extendedKeyUsagesAllowed) {

  /** RFC 5280 4.2.1.3 names, in the order of their bits. */
  static final List<String> KEY_USAGE_BITS =
      List.of(
          "digitalSignature",
          "nonRepudiation",
          "keyEncipherment",
          "dataEncipherment",
          "keyAgreement",
          "keyCertSign",
          "cRLSign",
          "encipherOnly",
          "decipherOnly");

  /** The arc of QcType's types (EN 319 412-5 4.2.3). */
  static final String QC_TYPE = "0.4.0.1862.1.6";

  private static final Map<String, String> QC_STATEMENTS =
      Map.of(
          "QcCompliance", "0.4.0.1862.1.1",
          "QcLimitValue", "0.4.0.1862.1.2",
          "QcRetentionPeriod", "0.4.0.1862.1.3",
          "QcSSCD", "0.4.0.1862.1.4",
          "QcPDS", "0.4.0.1862.1.5",
          "QcType-esign", QC_TYPE + ".1",
          "QcType-eseal", QC_TYPE + ".2",
          "QcType-web", QC_TYPE + ".3");

  private static final Map<String, String> EXTENDED_KEY_USAGES =
      Map.of(
          "serverAuth", "1.3.6.1.5.5.7.3.1",
          "clientAuth", "1.3.6.1.5.5.7.3.2",
          "codeSigning", "1.3.6.1.5.5.7.3.3",
          "emailProtection", "1.3.6.1.5.5.7.3.4",
          "timeStamping", "1.3.6.1.5.5.7.3.8",
          "OCSPSigning", "1.3.6.1.5.5.7.3.9",
          "documentSigning", "1.3.6.1.5.5.7.3.36",
          "msDocumentSigning", "1.3.6.1.4.1.311.10.3.12",
          "anyExtendedKeyUsage", "2.5.29.37.0");

  private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");

  /**
   * Checks the names and OIDs.
   *
   * @throws IllegalArgumentException for an unknown key usage or a text that is not an OID
   */
  public CertificateProfile {
    keyUsages = List.copyOf(keyUsages);
    qcStatements = List.copyOf(qcStatements);
    policies = List.copyOf(policies);
    extendedKeyUsagesAllowed = List.copyOf(extendedKeyUsagesAllowed);
    for (String usage : keyUsages) {
      if (!KEY_USAGE_BITS.contains(usage)) {
        throw new IllegalArgumentException("unknown key usage " + usage);
      }
    }
    requireOids(qcStatements);
    requireOids(policies);
    requireOids(extendedKeyUsagesAllowed);
  }

  /**
   * The certificate part of a product's profile, from its file's {@code certificate.keyUsage},
   * {@code certificate.qcStatements} (names such as QcCompliance, QcSSCD, QcType-esign, or OIDs),
   * {@code certificate.policies} and {@code certificate.extendedKeyUsage.allowed} (names such as
   * clientAuth, or OIDs); each may be absent or empty.
   *
   * @throws IllegalArgumentException if the profile has no bundled file, or names an unknown key
   *     usage, QcStatement or extended key usage
   */
  public static CertificateProfile of(RequestProfile profile) {
    Properties settings = profile.settings();
    return new CertificateProfile(
        list(settings, "certificate.keyUsage"),
        list(settings, "certificate.qcStatements").stream()
            .map(CertificateProfile::qcStatementOid)
            .toList(),
        list(settings, "certificate.policies"),
        list(settings, "certificate.extendedKeyUsage.allowed").stream()
            .map(CertificateProfile::extendedKeyUsageOid)
            .toList());
  }

  /** The name of an extended key usage OID, such as serverAuth; the OID when unknown. */
  static String extendedKeyUsageName(String oid) {
    return EXTENDED_KEY_USAGES.entrySet().stream()
        .filter(e -> e.getValue().equals(oid))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(oid);
  }

  private static String extendedKeyUsageOid(String nameOrOid) {
    String oid = EXTENDED_KEY_USAGES.get(nameOrOid);
    if (oid == null && !OID.matcher(nameOrOid).matches()) {
      throw new IllegalArgumentException("unknown extended key usage " + nameOrOid);
    }
    return oid != null ? oid : nameOrOid;
  }

  /** The short name of a QcStatement or QcType OID, such as QcSSCD; the OID when unknown. */
  static String qcStatementName(String oid) {
    return QC_STATEMENTS.entrySet().stream()
        .filter(e -> e.getValue().equals(oid))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(oid);
  }

  private static String qcStatementOid(String nameOrOid) {
    String oid = QC_STATEMENTS.get(nameOrOid);
    if (oid == null && !OID.matcher(nameOrOid).matches()) {
      throw new IllegalArgumentException("unknown QcStatement " + nameOrOid);
    }
    return oid != null ? oid : nameOrOid;
  }

  private static void requireOids(List<String> oids) {
    for (String oid : oids) {
      if (!OID.matcher(oid).matches()) {
        throw new IllegalArgumentException(oid + " is not an OID");
      }
    }
  }

  private static List<String> list(Properties settings, String key) {
    return Arrays.stream(settings.getProperty(key, "").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
