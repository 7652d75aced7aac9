package fr.aed.station.app.sheet;

import static fr.aed.station.app.sheet.FrenchFormat.text;

import fr.aed.station.app.sheet.SheetItem.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The certificate request's subject as the sheet prints it: one labelled line per attribute, in
 * French ("Organisation", "Numéro d'identification de l'organisation"), not the attributes' names.
 */
final class RequestSubjectLines {

  private static final Map<ASN1ObjectIdentifier, String> LABELS =
      Map.ofEntries(
          Map.entry(BCStyle.CN, "Nom"),
          Map.entry(BCStyle.GIVENNAME, "Prénoms"),
          Map.entry(BCStyle.SURNAME, "Nom de famille"),
          Map.entry(BCStyle.O, "Organisation"),
          Map.entry(BCStyle.OU, "Service"),
          Map.entry(BCStyle.ORGANIZATION_IDENTIFIER, "Numéro d'identification de l'organisation"),
          Map.entry(BCStyle.C, "Pays"),
          Map.entry(BCStyle.L, "Ville"),
          Map.entry(BCStyle.ST, "Région"),
          Map.entry(BCStyle.T, "Fonction"),
          Map.entry(BCStyle.SERIALNUMBER, "Numéro de série"),
          Map.entry(BCStyle.EmailAddress, "Adresse électronique"));

  private RequestSubjectLines() {}

  /** The subject's lines; a subject that cannot be read is printed whole, on one line. */
  static List<Field> of(String subject) {
    List<Field> lines = new ArrayList<>();
    X500Name name;
    try {
      name = new X500Name(subject);
    } catch (IllegalArgumentException e) {
      return List.of(new Field("Objet de la demande", text(subject)));
    }
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
        String label = LABELS.get(attribute.getType());
        String value =
            attribute.getValue() instanceof ASN1String string
                ? string.getString()
                : attribute.getValue().toString();
        lines.add(new Field(label == null ? attribute.getType().getId() : label, text(value)));
      }
    }
    return lines;
  }
}
