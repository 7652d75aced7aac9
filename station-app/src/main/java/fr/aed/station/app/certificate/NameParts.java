package fr.aed.station.app.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * A certificate's name attribute by attribute, in the order it carries them, each named by a stable
 * key (CN, givenName, surname, O, OU, organizationIdentifier, C, serialNumber; else the attribute's
 * OID): for a screen to say each in plain words rather than as one encoded line.
 */
public final class NameParts {

  /**
   * One attribute.
   *
   * @param key the stable key of its type
   * @param value its text
   */
  public record Part(String key, String value) {}

  private static final Map<String, String> KEYS =
      Map.of(
          "2.5.4.3", "CN",
          "2.5.4.42", "givenName",
          "2.5.4.4", "surname",
          "2.5.4.10", "O",
          "2.5.4.11", "OU",
          "2.5.4.97", "organizationIdentifier",
          "2.5.4.6", "C",
          "2.5.4.5", "serialNumber",
          "2.5.4.65", "pseudonym");

  private NameParts() {}

  /**
   * {@code name} on one line, each attribute by its name and its text (givenName, surname,
   * organizationIdentifier), not RFC 2253's hex for the attributes it does not name.
   */
  public static String line(X500Principal name) {
    return X500Name.getInstance(
            org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE, name.getEncoded())
        .toString();
  }

  /** The attributes of {@code name}, in its order. */
  public static List<Part> of(X500Principal name) {
    List<Part> parts = new ArrayList<>();
    for (RDN rdn : X500Name.getInstance(name.getEncoded()).getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        String oid = attribute.getType().getId();
        parts.add(new Part(KEYS.getOrDefault(oid, oid), text(attribute.getValue())));
      }
    }
    return parts;
  }

  private static String text(ASN1Encodable value) {
    return value instanceof ASN1String string ? string.getString() : value.toString();
  }
}
