package fr.aed.station.crypto.profile;

import fr.aed.station.crypto.csr.CertificateRequestCheck;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Checks a built request AFTER signing: signature valid, key equal to the token's, SHA-256, and the
 * profile respected in the encoded subject (attributes present, C as PrintableString, names as
 * UTF8String, no e-mail in the DN, e-mail in subjectAltName).
 */
public final class ProfileConformance {

  private static final Map<String, ASN1ObjectIdentifier> ATTRIBUTES =
      Map.of(
          "C", BCStyle.C,
          "givenName", BCStyle.GIVENNAME,
          "surname", BCStyle.SURNAME,
          "CN", BCStyle.CN,
          "O", BCStyle.O,
          "organizationIdentifier", BCStyle.ORGANIZATION_IDENTIFIER,
          "OU", BCStyle.OU,
          "serialNumber", BCStyle.SERIALNUMBER);

  private final RequestProfile profile;

  public ProfileConformance(RequestProfile profile) {
    this.profile = profile;
  }

  /** Every problem of the request; empty when it is sound and follows the profile. */
  public List<String> problems(PKCS10CertificationRequest request, PublicKey tokenPublicKey) {
    List<String> problems =
        new ArrayList<>(new CertificateRequestCheck().problems(request, tokenPublicKey));
    X500Name subject = request.getSubject();
    for (String required : profile.requiredAttributes()) {
      ASN1ObjectIdentifier type = ATTRIBUTES.get(required);
      if (type == null || subject.getRDNs(type).length == 0) {
        problems.add("subject attribute " + required + " is missing from the request");
      }
    }
    for (RDN rdn : subject.getRDNs()) {
      checkAttribute(rdn, problems);
    }
    for (ASN1ObjectIdentifier type : subject.getAttributeTypes()) {
      if (subject.getRDNs(type).length > 1) {
        problems.add("the subject carries " + attributeName(type) + " more than once");
      }
    }
    if (subject.getRDNs(BCStyle.EmailAddress).length > 0) {
      problems.add("the e-mail is in the DN; it belongs in subjectAltName");
    }
    if (profile.emailRequired() && !hasEmailAltName(request)) {
      problems.add("no rfc822Name in subjectAltName");
    }
    return problems;
  }

  // The request itself is held to the name policy, not only the values it was built from: one
  // attribute per RDN, each a type the profile knows, once, with a value the policy accepts.
  private static void checkAttribute(RDN rdn, List<String> problems) {
    if (rdn.isMultiValued()) {
      problems.add("the subject has a multi-valued RDN");
      return;
    }
    ASN1ObjectIdentifier type = rdn.getFirst().getType();
    ASN1Encodable value = rdn.getFirst().getValue();
    String name = attributeName(type);
    if (!ATTRIBUTES.containsValue(type) && !type.equals(BCStyle.EmailAddress)) {
      problems.add("the subject carries " + name + ", which the profile does not know");
    }
    checkEncoding(type, value, problems);
    if (value instanceof ASN1String text) {
      CertificateNames.problems(policyName(type), text.getString()).stream()
          .filter(finding -> finding.severity() == LintFinding.Severity.ERROR)
          .forEach(finding -> problems.add("in the request: " + finding.message()));
    }
  }

  private static String policyName(ASN1ObjectIdentifier type) {
    return ATTRIBUTES.entrySet().stream()
        .filter(entry -> entry.getValue().equals(type))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(attributeName(type));
  }

  private static void checkEncoding(
      ASN1ObjectIdentifier type, ASN1Encodable value, List<String> problems) {
    boolean printable = type.equals(BCStyle.C) || type.equals(BCStyle.SERIALNUMBER);
    if (printable && !(value instanceof DERPrintableString)) {
      problems.add(BCStyle.INSTANCE.oidToDisplayName(type) + " is not a PrintableString");
    }
    if (!printable && !type.equals(BCStyle.EmailAddress) && !(value instanceof DERUTF8String)) {
      problems.add(attributeName(type) + " is not a UTF8String");
    }
  }

  private static String attributeName(ASN1ObjectIdentifier type) {
    String name = BCStyle.INSTANCE.oidToDisplayName(type);
    return name != null ? name : type.getId();
  }

  private static boolean hasEmailAltName(PKCS10CertificationRequest request) {
    for (Attribute attribute :
        request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
      GeneralNames names =
          GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName);
      if (names != null) {
        for (GeneralName name : names.getNames()) {
          if (name.getTagNo() == GeneralName.rfc822Name) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
