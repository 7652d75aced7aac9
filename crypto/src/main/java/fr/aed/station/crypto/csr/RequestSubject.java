package fr.aed.station.crypto.csr;

import java.util.Objects;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The subject of a certificate request for a natural person attached to a company (EN 319 412-2
 * NAT-4.2.4, EN 319 412-1 organizationIdentifier), with the holder's e-mail for the subjectAltName.
 *
 * <p>Encodings follow Bouncy Castle's {@link BCStyle}: C as PrintableString, every name as
 * UTF8String so that accents survive. Names are never truncated.
 *
 * @param country ISO 3166 two-letter country, {@code FR}
 * @param givenName the holder's given name(s)
 * @param surname the holder's surname
 * @param commonName usually given name then surname
 * @param organization the company's registered name
 * @param organizationIdentifier such as {@code NTRFR-<SIRET>}
 * @param organizationalUnit such as {@code 0002 <SIRET>}
 * @param email the holder's e-mail, put in subjectAltName rfc822Name, never in the DN
 */
public record RequestSubject(
    String country,
    String givenName,
    String surname,
    String commonName,
    String organization,
    String organizationIdentifier,
    String organizationalUnit,
    String email) {

  public RequestSubject {
    Objects.requireNonNull(country, "country");
    Objects.requireNonNull(givenName, "givenName");
    Objects.requireNonNull(surname, "surname");
    Objects.requireNonNull(commonName, "commonName");
  }

  /**
   * The subject of a holder acting for a French company registered in SIRENE: {@code
   * organizationIdentifier=NTRFR-<SIRET>} and {@code OU=0002 <SIRET>}, as this certificate
   * authority issues them.
   */
  public static RequestSubject forFrenchCompany(
      String givenName, String surname, String companyName, String siret, String email) {
    return new RequestSubject(
        "FR",
        givenName,
        surname,
        givenName + " " + surname,
        companyName,
        "NTRFR-" + siret,
        "0002 " + siret,
        email);
  }

  /** The distinguished name, most significant attribute (C) first. */
  public X500Name toX500Name() {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    builder.addRDN(BCStyle.C, new DERPrintableString(country, true));
    addIfPresent(builder, BCStyle.O, organization);
    addIfPresent(builder, BCStyle.OU, organizationalUnit);
    addIfPresent(builder, BCStyle.ORGANIZATION_IDENTIFIER, organizationIdentifier);
    builder.addRDN(BCStyle.SURNAME, new DERUTF8String(surname));
    builder.addRDN(BCStyle.GIVENNAME, new DERUTF8String(givenName));
    builder.addRDN(BCStyle.CN, new DERUTF8String(commonName));
    return builder.build();
  }

  // Each value is encoded as the text it is, never parsed: given as a string, Bouncy Castle reads
  // a value starting with '#' as hex-encoded DER (RFC 4514), which let a company name put any
  // organisation into the request.
  private static void addIfPresent(
      X500NameBuilder builder, org.bouncycastle.asn1.ASN1ObjectIdentifier type, String value) {
    if (value != null && !value.isBlank()) {
      builder.addRDN(type, new DERUTF8String(value));
    }
  }
}
