package fr.aed.station.crypto.profile;

import fr.aed.station.crypto.csr.RequestSubject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a request's subject and key against a product's profile BEFORE the key is generated, so
 * that a dossier that would give a wrong request is refused with every reason at once.
 */
public final class RequestLint {

  /** EN 319 412-1 5.1.4: scheme, country, hyphen, reference; no spaces, no "+state" part. */
  private static final Pattern ORGANIZATION_IDENTIFIER =
      Pattern.compile("(NTR|VAT|PSD|LEI)([A-Z]{2})-([^\\s+]+)");

  // Printable ASCII only: subjectAltName's rfc822Name is an IA5String (RFC 5280 4.2.1.6), and
  // Bouncy Castle keeps the low byte of any other character, so "ex\u0161mple.com" was requested
  // as "example.com" (found by fuzzing, issue 14).
  private static final String EMAIL_PART = "[\\x21-\\x7E&&[^@]]+";
  private static final Pattern EMAIL =
      Pattern.compile(EMAIL_PART + "@" + EMAIL_PART + "\\." + EMAIL_PART);

  private final RequestProfile profile;

  public RequestLint(RequestProfile profile) {
    this.profile = profile;
  }

  /**
   * Whether a text reads as an e-mail address for the request's subjectAltName: the rule this lint
   * applies, shared with the forms that take the address.
   */
  public static boolean isEmailAddress(String email) {
    return email != null && EMAIL.matcher(email).matches();
  }

  /**
   * Lists every problem of the subject and key for this profile; no ERROR finding means the request
   * may be built.
   *
   * @param subject the subject the request will carry
   * @param siret the company's SIRET from the dossier
   * @param key the key pair about to be generated
   * @param signatureAlgorithm such as SHA256withRSA
   */
  public List<LintFinding> beforeGeneration(
      RequestSubject subject, String siret, KeySpecification key, String signatureAlgorithm) {
    List<LintFinding> findings = new ArrayList<>();
    Map<String, String> attributes = attributes(subject);
    checkPresence(attributes, findings);
    checkCountry(subject.country(), findings);
    checkCompany(subject, siret, findings);
    checkCharacters(attributes, findings);
    checkEmail(subject.email(), findings);
    checkKey(key, findings);
    if (!profile.signatureAlgorithms().contains(signatureAlgorithm)) {
      findings.add(
          LintFinding.error(
              "SIGNATURE_ALGORITHM",
              "signature algorithm "
                  + signatureAlgorithm
                  + " is not one of "
                  + profile.signatureAlgorithms(),
              signatureAlgorithm,
              profile.signatureAlgorithms()));
    }
    return findings;
  }

  static Map<String, String> attributes(RequestSubject subject) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("C", subject.country());
    attributes.put("givenName", subject.givenName());
    attributes.put("surname", subject.surname());
    attributes.put("CN", subject.commonName());
    attributes.put("O", subject.organization());
    attributes.put("organizationIdentifier", subject.organizationIdentifier());
    attributes.put("OU", subject.organizationalUnit());
    return attributes;
  }

  private void checkPresence(Map<String, String> attributes, List<LintFinding> findings) {
    for (String required : profile.requiredAttributes()) {
      String value = attributes.get(required);
      if (value == null || value.isBlank()) {
        findings.add(
            LintFinding.error(
                "MISSING_ATTRIBUTE", "subject attribute " + required + " is missing", required));
      }
    }
  }

  private void checkCountry(String country, List<LintFinding> findings) {
    if (!profile.country().equals(country)) {
      findings.add(
          LintFinding.error(
              "COUNTRY",
              "C is '" + country + "', the profile requires " + profile.country(),
              country,
              profile.country()));
    }
  }

  private void checkCompany(RequestSubject subject, String siret, List<LintFinding> findings) {
    if (!SireneNumbers.isValidSiret(siret)) {
      findings.add(LintFinding.error("INVALID_SIRET", "SIRET '" + siret + "' is not valid", siret));
    }
    String identifier = subject.organizationIdentifier();
    if (identifier != null && !identifier.isBlank()) {
      if (!ORGANIZATION_IDENTIFIER.matcher(identifier).matches()) {
        findings.add(
            LintFinding.error(
                "ORGANIZATION_IDENTIFIER_SYNTAX",
                "organizationIdentifier '"
                    + identifier
                    + "' is not <scheme NTR|VAT|PSD|LEI><country>-<reference> (EN 319 412-1)",
                identifier));
      } else if (!profile.organizationIdentifierFormat().isEmpty()
          && !identifier.equals(profile.organizationIdentifierFor(siret))) {
        findings.add(
            LintFinding.error(
                "ORGANIZATION_IDENTIFIER_VALUE",
                "organizationIdentifier '"
                    + identifier
                    + "', expected '"
                    + profile.organizationIdentifierFor(siret)
                    + "'",
                identifier,
                profile.organizationIdentifierFor(siret)));
      }
    }
    String unit = subject.organizationalUnit();
    if (!profile.organizationalUnitFormat().isEmpty()
        && unit != null
        && !unit.equals(profile.organizationalUnitFor(siret))) {
      findings.add(
          LintFinding.error(
              "ORGANIZATIONAL_UNIT",
              "OU '" + unit + "', expected '" + profile.organizationalUnitFor(siret) + "'",
              unit,
              profile.organizationalUnitFor(siret)));
    }
  }

  private static void checkCharacters(Map<String, String> attributes, List<LintFinding> findings) {
    attributes.forEach((name, value) -> findings.addAll(CertificateNames.problems(name, value)));
  }

  private void checkEmail(String email, List<LintFinding> findings) {
    if (email == null || email.isBlank()) {
      if (profile.emailRequired()) {
        findings.add(
            LintFinding.error("MISSING_EMAIL", "the holder's e-mail (subjectAltName) is missing"));
      }
    } else if (!isEmailAddress(email)) {
      findings.add(
          LintFinding.error("EMAIL_SYNTAX", "e-mail '" + email + "' is not an address", email));
    }
  }

  private void checkKey(KeySpecification key, List<LintFinding> findings) {
    if ("RSA".equals(key.family()) && key.bits() < profile.minimumRsaBits()) {
      findings.add(
          LintFinding.error(
              "RSA_TOO_SHORT",
              "RSA-" + key.bits() + " is below the " + profile.minimumRsaBits() + " bits required",
              key.bits(),
              profile.minimumRsaBits()));
    } else if ("EC".equals(key.family()) && !profile.curves().contains(key.curve())) {
      findings.add(
          LintFinding.error(
              "CURVE",
              "curve " + key.curve() + " is not one of " + profile.curves(),
              key.curve(),
              profile.curves()));
    } else if (!"RSA".equals(key.family()) && !"EC".equals(key.family())) {
      findings.add(
          LintFinding.error(
              "KEY_FAMILY", "key family " + key.family() + " unsupported", key.family()));
    }
  }
}
