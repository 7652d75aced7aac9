package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Dossier;
import fr.aed.station.crypto.csr.RequestSubject;
import fr.aed.station.crypto.profile.KeySpecification;
import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.crypto.profile.RequestLint;
import fr.aed.station.crypto.profile.RequestProfile;
import fr.aed.station.token.KeyType;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The certificate request as it will be built from a dossier, before the key is generated: its
 * subject and the request lint's findings for the product's profile. The enrollment refuses on the
 * same findings, so what the officer is shown is what the service decides on.
 *
 * @param subject the subject the request will carry
 * @param findings every finding of the lint, errors and warnings
 */
public record RequestPreview(RequestSubject subject, List<LintFinding> findings) {

  public RequestPreview {
    findings = List.copyOf(findings);
  }

  /** The request a dossier gives with a key of this type, checked by the RGS** profile's lint. */
  public static RequestPreview of(Dossier dossier, KeyType keyType) {
    RequestSubject subject = RequestSubjects.of(dossier);
    KeySpecification key =
        keyType.isRsa()
            ? KeySpecification.rsa(keyType.bits())
            : KeySpecification.ec("P-" + keyType.bits(), keyType.bits());
    List<LintFinding> findings =
        new RequestLint(RequestProfile.load(RequestProfile.PACK_ID_RGS2))
            .beforeGeneration(
                subject,
                dossier.company().siret(),
                key,
                keyType.isRsa() ? "SHA256withRSA" : "SHA256withECDSA");
    return new RequestPreview(subject, findings);
  }

  /** The findings that refuse the request: no key may be generated for it. */
  public List<LintFinding> errors() {
    return findings.stream().filter(LintFinding::isError).toList();
  }

  /**
   * The subject's attributes in the order the request carries them, each as {@code name=value}
   * (names as Bouncy Castle's style spells them, such as {@code organizationIdentifier}).
   */
  public List<String> subjectAttributes() {
    List<String> lines = new ArrayList<>();
    for (RDN rdn : displayable(subject).toX500Name().getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        String name = BCStyle.INSTANCE.oidToDisplayName(attribute.getType());
        String value =
            attribute.getValue() instanceof ASN1String text
                ? text.getString()
                : attribute.getValue().toString();
        lines.add((name == null ? attribute.getType().getId() : name) + "=" + value);
      }
    }
    return lines;
  }

  // Half a character (a lone surrogate) has no encoding, so the subject could not be shown beside
  // the lint's refusal of it: it is shown as U+FFFD instead (found by fuzzing, issue 14).
  private static RequestSubject displayable(RequestSubject s) {
    return new RequestSubject(
        s.country(),
        whole(s.givenName()),
        whole(s.surname()),
        whole(s.commonName()),
        whole(s.organization()),
        whole(s.organizationIdentifier()),
        whole(s.organizationalUnit()),
        s.email());
  }

  private static String whole(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder whole = new StringBuilder(text.length());
    text.codePoints()
        .map(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c)
        .forEach(whole::appendCodePoint);
    return whole.toString();
  }
}
