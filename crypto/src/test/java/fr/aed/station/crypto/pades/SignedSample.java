package fr.aed.station.crypto.pades;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A sample sheet signed with an RSA or EC software key and its self-signed certificate. */
record SignedSample(
    SoftwareDeviceKey key, X509Certificate certificate, byte[] unsigned, byte[] signed) {

  static final ZonedDateTime SIGNING_TIME =
      ZonedDateTime.of(2025, 4, 14, 10, 30, 15, 0, ZoneId.of("Europe/Paris"));
  static final SignatureDetails DETAILS =
      new SignatureDetails(
          "Maître François Gérard", "Fiche d'intervention signée", "Lyon", SIGNING_TIME);

  private static final Map<String, SignedSample> CACHE = new ConcurrentHashMap<>();

  /** The sample for "RSA" (2048 bits) or "EC" (P-256), made once per test run. */
  static SignedSample of(String algorithm) {
    return CACHE.computeIfAbsent(algorithm, SignedSample::make);
  }

  private static SignedSample make(String algorithm) {
    try {
      SoftwareDeviceKey key =
          algorithm.equals("RSA") ? SoftwareDeviceKey.rsa(2048) : SoftwareDeviceKey.ec("secp256r1");
      X509Certificate certificate =
          TestCertificates.selfSigned(
              key, "Francois Gerard " + algorithm, SIGNING_TIME.toInstant());
      byte[] unsigned = PdfA3Sample.create();
      byte[] signed = new PadesSigner().sign(unsigned, key, List.of(certificate), DETAILS);
      return new SignedSample(key, certificate, unsigned, signed);
    } catch (Exception e) {
      throw new IllegalStateException("cannot make the " + algorithm + " sample", e);
    }
  }
}
