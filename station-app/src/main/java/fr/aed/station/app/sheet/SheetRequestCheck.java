package fr.aed.station.app.sheet;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.sheet.SheetVerification.Check;
import fr.aed.station.app.store.SheetRecords.Recorded;
import fr.aed.station.crypto.Fingerprints;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The request inside a sheet, and the manifest's fingerprints, against the request and key that the
 * sheet's meeting recorded.
 */
final class SheetRequestCheck {

  private SheetRequestCheck() {}

  static Check check(Map<String, byte[]> files, JsonNode manifest, Recorded recorded) {
    String id = recorded.id();
    byte[] pem = files.get(id + "-request.pem");
    if (pem == null) {
      return new Check("request", false, "no request of " + id + " attached");
    }
    String text = new String(pem, StandardCharsets.US_ASCII);
    PKCS10CertificationRequest attached;
    try (PEMParser parser = new PEMParser(new StringReader(text))) {
      attached = (PKCS10CertificationRequest) parser.readObject();
      if (attached == null) {
        return new Check("request", false, "the attached request cannot be read");
      }
      String csrSha256 = Fingerprints.sha256Hex(attached.getEncoded());
      String keySha256 = Fingerprints.sha256Hex(attached.getSubjectPublicKeyInfo().getEncoded());
      List<String> differences = new ArrayList<>();
      JsonNode device = manifest.path("device");
      differ(differences, "the recorded request", text, recorded.csrPem());
      differ(differences, "the recorded request's SHA-256", csrSha256, recorded.csrSha256());
      differ(
          differences,
          "the manifest's request SHA-256",
          csrSha256,
          device.path("csrSha256").textValue());
      differ(differences, "the recorded public key", keySha256, recorded.publicKeySha256());
      differ(
          differences,
          "the manifest's public key",
          keySha256,
          device.path("publicKeySha256").textValue());
      boolean same = differences.isEmpty();
      return new Check(
          "request",
          same,
          (same
                  ? "the request and key recorded for " + id
                  : "differs from " + String.join(", ", differences) + " of " + id)
              + ", SHA-256 "
              + csrSha256);
    } catch (IOException | ClassCastException e) {
      return new Check("request", false, "the attached request cannot be read: " + e);
    }
  }

  private static void differ(List<String> differences, String what, String found, String expected) {
    if (expected == null || !expected.equals(found)) {
      differences.add(what);
    }
  }
}
