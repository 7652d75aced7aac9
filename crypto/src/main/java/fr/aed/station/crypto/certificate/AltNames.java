package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.NestingDepth;
import fr.aed.station.crypto.profile.LintFinding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The subjectAltName of the request and of the certificate, each name written as openssl does
 * ({@code email:...}, {@code DNS:...}, {@code URI:...}), compared as sets: the CA must certify the
 * holder's e-mail as requested, and nothing else.
 */
final class AltNames {

  private AltNames() {}

  static List<String> ofRequest(PKCS10CertificationRequest request) {
    for (Attribute attribute :
        request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
      if (attribute.getAttrValues().size() == 1) {
        return of(Extensions.getInstance(attribute.getAttrValues().getObjectAt(0)));
      }
    }
    return List.of();
  }

  /** The names of the extensions' subjectAltName; a damaged one reads as a single "damaged". */
  static List<String> of(Extensions extensions) {
    Extension extension =
        extensions == null ? null : extensions.getExtension(Extension.subjectAlternativeName);
    if (extension == null) {
      return List.of();
    }
    if (!NestingDepth.acceptable(extension.getExtnValue().getOctets())) {
      return List.of("damaged");
    }
    try {
      List<String> names = new ArrayList<>();
      for (GeneralName name : GeneralNames.getInstance(extension.getParsedValue()).getNames()) {
        names.add(written(name));
      }
      return names;
    } catch (IllegalArgumentException | IllegalStateException e) {
      return List.of("damaged");
    }
  }

  static List<LintFinding> findings(List<String> requested, List<String> issued) {
    Set<String> wanted = new TreeSet<>(requested);
    Set<String> carried = new TreeSet<>(issued);
    if (wanted.equals(carried)) {
      return List.of();
    }
    String asked = String.join(", ", wanted);
    String got = String.join(", ", carried);
    return List.of(
        Findings.error(
            "SUBJECT_ALT_NAME_CHANGED",
            "the subjectAltName was requested as '"
                + asked
                + "', the certificate has '"
                + got
                + "'",
            asked,
            got));
  }

  private static String written(GeneralName name) {
    String prefix =
        switch (name.getTagNo()) {
          case GeneralName.rfc822Name -> "email:";
          case GeneralName.dNSName -> "DNS:";
          case GeneralName.uniformResourceIdentifier -> "URI:";
          default -> null;
        };
    if (prefix != null && name.getName() instanceof ASN1String text) {
      return prefix + text.getString();
    }
    try {
      return "name" + name.getTagNo() + ":#" + hex(name);
    } catch (IOException e) {
      return "name" + name.getTagNo() + ":#";
    }
  }

  private static String hex(GeneralName name) throws IOException {
    return HexFormat.of().formatHex(name.getName().toASN1Primitive().getEncoded(ASN1Encoding.DER));
  }
}
