package fr.aed.station.crypto.certificate;

import java.util.Objects;

/**
 * One attribute of the subject the certificate does not carry as the request did.
 *
 * @param attribute its short name: C, CN, givenName, surname, O, OU, organizationIdentifier,
 *     serialNumber, ...; the OID for an attribute without one
 * @param requested the requested value, "" when absent; the values of a multi-valued attribute in
 *     order, separated by "; "
 * @param issued the certificate's value, "" when absent, written the same way; for both, in {@link
 *     Kind#ENCODING} each value is followed by its string type, as in {@code Élodie (UTF8String)}
 * @param kind how it differs
 */
public record SubjectDifference(String attribute, String requested, String issued, Kind kind) {

  public SubjectDifference {
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(issued, "issued");
    Objects.requireNonNull(kind, "kind");
  }

  /** How an attribute differs. */
  public enum Kind {
    /** The certificate carries another value: refused. */
    CHANGED,
    /** The CA added an attribute the request did not have: shown. */
    ADDED_BY_CA,
    /** The certificate lacks a requested attribute: refused. */
    REMOVED,
    /** The same text in another ASN.1 string type: shown. */
    ENCODING
  }
}
