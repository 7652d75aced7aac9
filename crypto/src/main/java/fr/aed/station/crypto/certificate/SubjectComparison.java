package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.certificate.SubjectDifference.Kind;
import fr.aed.station.crypto.profile.LintFinding;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1BMPString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1PrintableString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1T61String;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.ASN1UniversalString;
import org.bouncycastle.asn1.ASN1VisibleString;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Compares the subject the certificate carries with the one requested, attribute by attribute:
 * values as text after NFC and trimming, a repeated attribute as the ordered list of its values.
 * The order and grouping of the RDNs are reported apart, as a warning ({@link #structure}).
 */
final class SubjectComparison {

  private static final Map<ASN1ObjectIdentifier, String> SHORT_NAMES =
      Map.ofEntries(
          Map.entry(BCStyle.C, "C"),
          Map.entry(BCStyle.CN, "CN"),
          Map.entry(BCStyle.GIVENNAME, "givenName"),
          Map.entry(BCStyle.SURNAME, "surname"),
          Map.entry(BCStyle.O, "O"),
          Map.entry(BCStyle.OU, "OU"),
          Map.entry(BCStyle.ORGANIZATION_IDENTIFIER, "organizationIdentifier"),
          Map.entry(BCStyle.SERIALNUMBER, "serialNumber"),
          Map.entry(BCStyle.L, "L"),
          Map.entry(BCStyle.ST, "ST"),
          Map.entry(BCStyle.STREET, "street"),
          Map.entry(BCStyle.T, "title"),
          Map.entry(BCStyle.PSEUDONYM, "pseudonym"),
          Map.entry(BCStyle.INITIALS, "initials"),
          Map.entry(BCStyle.GENERATION, "generationQualifier"),
          Map.entry(BCStyle.DN_QUALIFIER, "dnQualifier"),
          Map.entry(BCStyle.EmailAddress, "emailAddress"),
          Map.entry(BCStyle.UID, "UID"),
          Map.entry(BCStyle.DC, "DC"));

  private SubjectComparison() {}

  static List<SubjectDifference> differences(X500Name requested, X500Name issued) {
    Map<ASN1ObjectIdentifier, List<ASN1Encodable>> wanted = byType(requested);
    Map<ASN1ObjectIdentifier, List<ASN1Encodable>> carried = byType(issued);
    List<SubjectDifference> differences = new ArrayList<>();
    wanted.forEach(
        (type, values) -> {
          List<ASN1Encodable> found = carried.getOrDefault(type, List.of());
          Kind kind = compare(values, found);
          if (kind == Kind.ENCODING) {
            differences.add(
                new SubjectDifference(shortName(type), typed(values), typed(found), kind));
          } else if (kind != null) {
            differences.add(
                new SubjectDifference(shortName(type), joined(values), joined(found), kind));
          }
        });
    carried.forEach(
        (type, values) -> {
          if (!wanted.containsKey(type)) {
            differences.add(
                new SubjectDifference(shortName(type), "", joined(values), Kind.ADDED_BY_CA));
          }
        });
    return differences;
  }

  static List<LintFinding> findings(List<SubjectDifference> differences) {
    return differences.stream().map(SubjectComparison::finding).toList();
  }

  /**
   * What the attribute-by-attribute comparison does not see: a pseudonym beside the holder's real
   * names (EN 319 412-2 forbids both), and the attributes both names carry grouped in other RDNs or
   * in another order.
   */
  static List<LintFinding> structure(X500Name requested, X500Name issued) {
    List<LintFinding> findings = new ArrayList<>();
    Map<ASN1ObjectIdentifier, List<ASN1Encodable>> carried = byType(issued);
    if (carried.containsKey(BCStyle.PSEUDONYM)
        && (carried.containsKey(BCStyle.GIVENNAME) || carried.containsKey(BCStyle.SURNAME))) {
      String pseudonym = joined(carried.get(BCStyle.PSEUDONYM));
      findings.add(
          Findings.error(
              "SUBJECT_PSEUDONYM",
              "the subject has the pseudonym '" + pseudonym + "' beside the holder's names",
              pseudonym));
    }
    Set<ASN1ObjectIdentifier> common = new HashSet<>(byType(requested).keySet());
    common.retainAll(carried.keySet());
    List<String> asked = rdnShape(requested, common);
    List<String> got = rdnShape(issued, common);
    if (!asked.equals(got)) {
      findings.add(
          Findings.warning(
              "SUBJECT_STRUCTURE_CHANGED",
              "the subject's RDNs were requested as " + asked + ", the certificate has " + got,
              String.join(", ", asked),
              String.join(", ", got)));
    }
    return findings;
  }

  // Each RDN as its types among those kept, in order; "+" joins a multi-valued RDN's types.
  private static List<String> rdnShape(X500Name name, Set<ASN1ObjectIdentifier> kept) {
    List<String> shape = new ArrayList<>();
    for (RDN rdn : name.getRDNs()) {
      List<String> types = new ArrayList<>();
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        if (kept.contains(attribute.getType())) {
          types.add(shortName(attribute.getType()));
        }
      }
      if (!types.isEmpty()) {
        types.sort(null);
        shape.add(String.join("+", types));
      }
    }
    return shape;
  }

  private static Kind compare(List<ASN1Encodable> requested, List<ASN1Encodable> issued) {
    if (issued.isEmpty()) {
      return Kind.REMOVED;
    }
    if (!requested.stream()
        .map(SubjectComparison::comparable)
        .toList()
        .equals(issued.stream().map(SubjectComparison::comparable).toList())) {
      return Kind.CHANGED;
    }
    // Equal as text, yet another string type or another Unicode form: what the holder reads is
    // the same, what a relying party compares byte for byte is not.
    if (!requested.stream()
        .map(SubjectComparison::typed)
        .toList()
        .equals(issued.stream().map(SubjectComparison::typed).toList())) {
      return Kind.ENCODING;
    }
    return null;
  }

  private static LintFinding finding(SubjectDifference d) {
    String a = d.attribute();
    return switch (d.kind()) {
      case CHANGED, REMOVED ->
          Findings.error(
              "SUBJECT_CHANGED",
              a
                  + " was requested as '"
                  + d.requested()
                  + "', the certificate has '"
                  + d.issued()
                  + "'",
              a,
              d.requested(),
              d.issued());
      case ADDED_BY_CA ->
          Findings.warning(
              "SUBJECT_ATTRIBUTE_ADDED",
              "the CA added " + a + " '" + d.issued() + "' to the subject",
              a,
              d.issued());
      case ENCODING ->
          Findings.warning(
              "SUBJECT_ENCODING_CHANGED",
              a + " was requested as " + d.requested() + ", the certificate has " + d.issued(),
              a,
              d.requested(),
              d.issued());
    };
  }

  private static Map<ASN1ObjectIdentifier, List<ASN1Encodable>> byType(X500Name name) {
    Map<ASN1ObjectIdentifier, List<ASN1Encodable>> byType = new LinkedHashMap<>();
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        byType
            .computeIfAbsent(attribute.getType(), t -> new ArrayList<>())
            .add(attribute.getValue());
      }
    }
    return byType;
  }

  private static String comparable(ASN1Encodable value) {
    return Normalizer.normalize(text(value), Normalizer.Form.NFC).strip();
  }

  private static String typed(ASN1Encodable value) {
    return stringType(value) + ":" + text(value);
  }

  private static String text(ASN1Encodable value) {
    if (value instanceof ASN1String string) {
      return string.getString();
    }
    try {
      return "#" + HexFormat.of().formatHex(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      return "#"; // an unencodable value compares as unreadable, never as equal to a text
    }
  }

  static String stringType(ASN1Encodable value) {
    if (value instanceof ASN1UTF8String) {
      return "UTF8String";
    } else if (value instanceof ASN1PrintableString) {
      return "PrintableString";
    } else if (value instanceof ASN1BMPString) {
      return "BMPString";
    } else if (value instanceof ASN1T61String) {
      return "TeletexString";
    } else if (value instanceof ASN1IA5String) {
      return "IA5String";
    } else if (value instanceof ASN1UniversalString) {
      return "UniversalString";
    } else if (value instanceof ASN1VisibleString) {
      return "VisibleString";
    }
    return value.getClass().getSimpleName();
  }

  private static String typed(List<ASN1Encodable> values) {
    return String.join(
        "; ", values.stream().map(v -> text(v) + " (" + stringType(v) + ")").toList());
  }

  private static String joined(List<ASN1Encodable> values) {
    return String.join("; ", values.stream().map(SubjectComparison::text).toList());
  }

  private static String shortName(ASN1ObjectIdentifier type) {
    return SHORT_NAMES.getOrDefault(type, type.getId());
  }
}
