package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SheetSignatureReport;
import fr.aed.station.crypto.pades.SignatureDetails;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

/** The real sheet, with its attachments, signed in PAdES: it must stay PDF/A-3b and verify. */
class SignedSheetTest {

  @Test
  void theSignedSheetWithAttachmentsStaysPdfA3bAndVerifies() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    InterventionSheet sheet = SampleSheets.sheet();
    byte[] pdf =
        new PdfSheetRenderer().render(sheet, List.of(PdfA3SheetTest.CSR, PdfA3SheetTest.MANIFEST));
    byte[] signed =
        new PadesSigner()
            .sign(
                pdf,
                softwareKey(pair),
                List.of(selfSigned(pair)),
                new SignatureDetails(
                    "Maître François Gérard", "Fiche signée", "Lyon", sheet.producedAt()));
    SheetSignatureReport report = new PadesVerifier().verify(signed);
    assertTrue(report.valid(), report.toString());
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(signed).summary());
  }

  static DeviceKey softwareKey(KeyPair pair) {
    return new DeviceKey() {
      @Override
      public PublicKey publicKey() {
        return pair.getPublic();
      }

      @Override
      public byte[] signSha256(byte[] data) throws DeviceSigningException {
        try {
          Signature signature = Signature.getInstance("SHA256withECDSA");
          signature.initSign(pair.getPrivate());
          signature.update(data);
          return signature.sign();
        } catch (GeneralSecurityException e) {
          throw new DeviceSigningException("software signing failed", e);
        }
      }
    };
  }

  static X509Certificate selfSigned(KeyPair pair) throws Exception {
    X500Name name = new X500Name("CN=Francois Gerard,C=FR");
    Instant now = Instant.now();
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.ONE,
                    Date.from(now.minus(Duration.ofDays(3650))),
                    Date.from(now.plus(Duration.ofDays(365))),
                    name,
                    pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
  }
}
