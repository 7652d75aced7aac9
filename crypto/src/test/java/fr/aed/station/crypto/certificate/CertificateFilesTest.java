package fr.aed.station.crypto.certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fr.aed.station.crypto.certificate.CertificateFileException.Reason;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files as a CA sends them, made by openssl, and files no CA should send. */
class CertificateFilesTest {

  @TempDir Path dir;

  private OpensslCa ca;
  private Path holder;

  @BeforeEach
  void caAndHolderCertificate() throws Exception {
    ca = OpensslCa.root(dir, "AED Test Qualified CA");
    ca.openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "holder.key",
        "-out",
        "holder.csr",
        "-subj",
        "/C=FR/CN=Holder");
    holder = ca.issue(dir.resolve("AED-Test-Qualified-CA/holder.csr"), OpensslCa.QUALIFIED);
  }

  @Test
  void severalPemBlocksWithWindowsLineEndsAreReadInOrder() throws Exception {
    String pem = Files.readString(holder) + "\n" + Files.readString(ca.certificateFile());

    List<X509Certificate> read = read(pem.replace("\n", "\r\n"));

    assertEquals(
        List.of(subject(holder), "CN=AED Test Qualified CA,O=AED Test,C=FR"),
        read.stream().map(c -> c.getSubjectX500Principal().getName()).toList());
  }

  @Test
  void aDerCertificateIsReadAsOpensslWroteIt() throws Exception {
    Path der = der(holder);

    assertArrayEquals(Files.readAllBytes(der), CertificateFiles.read(der).get(0).getEncoded());
  }

  @Test
  void aPkcs7InPemAndDerGivesItsCertificates() throws Exception {
    for (String form : List.of("PEM", "DER")) {
      Path bundle = dir.resolve("bundle." + form);
      ca.openssl(
          "crl2pkcs7",
          "-nocrl",
          "-certfile",
          holder.toString(),
          "-certfile",
          ca.certificateFile().toString(),
          "-outform",
          form,
          "-out",
          bundle.toString());

      assertEquals(2, CertificateFiles.read(bundle).size(), form);
    }
  }

  @Test
  void aPkcs7WithoutCertificatesHasNone() throws Exception {
    Path empty = dir.resolve("empty.p7b");
    ca.openssl("crl2pkcs7", "-nocrl", "-out", empty.toString());

    assertReason(Reason.NO_CERTIFICATE, empty);
  }

  @Test
  void aPkcs7WithoutContentOrOfAnotherTypeIsNoCertificate() {
    byte[] signedDataWithoutContent = HexFormat.of().parseHex("300b06092a864886f70d010702");
    byte[] data = HexFormat.of().parseHex("301006092a864886f70d010701a003040100");

    assertEquals(Reason.NO_CERTIFICATE, reason(signedDataWithoutContent));
    assertEquals(Reason.NOT_CERTIFICATES, reason(data));
  }

  @Test
  void aPrivateKeyInPemIsRefusedAsSuch() throws Exception {
    Path key = dir.resolve("AED-Test-Qualified-CA/holder.key");
    assertReason(Reason.PRIVATE_KEY_INSIDE, key);

    Path bundle = dir.resolve("bundle-with-key.pem");
    Files.writeString(bundle, Files.readString(holder) + Files.readString(key));
    assertReason(Reason.PRIVATE_KEY_INSIDE, bundle);
  }

  @Test
  void aPrivateKeyInDerIsRefusedAsSuch() throws Exception {
    Path der = dir.resolve("holder.key.der");
    ca.openssl("pkey", "-in", "holder.key", "-outform", "DER", "-out", der.toString());

    assertReason(Reason.PRIVATE_KEY_INSIDE, der);
  }

  @Test
  void twoMebibytesOfZerosAreTooLarge() throws Exception {
    Path zeros = Files.write(dir.resolve("zeros.cer"), new byte[2 << 20]);

    assertReason(Reason.TOO_LARGE, zeros);
    CertificateFileException e =
        assertThrows(
            CertificateFileException.class, () -> CertificateFiles.read(new byte[2 << 20]));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }

  @Test
  void aDirectoryADeviceAndALinkToADirectoryAreNotFiles() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.pem"), dir);

    assertReason(Reason.NOT_CERTIFICATES, dir);
    assertReason(Reason.NOT_CERTIFICATES, link);
    assertReason(Reason.NOT_CERTIFICATES, Path.of("/dev/zero"));
    assertReason(Reason.NOT_CERTIFICATES, dir.resolve("missing.pem"));
  }

  @Test
  void anEmptyOrBlankFileIsEmpty() throws Exception {
    assertReason(Reason.EMPTY, Files.write(dir.resolve("empty.pem"), new byte[0]));
    assertReason(Reason.EMPTY, Files.writeString(dir.resolve("blank.pem"), " \r\n\n\t"));
  }

  @Test
  void garbageBetweenPemBlocksIsMalformed() throws Exception {
    String pem = Files.readString(holder) + "garbage\n" + Files.readString(ca.certificateFile());

    assertEquals(Reason.MALFORMED, reason(pem));
  }

  @Test
  void aPemCutBeforeItsEndLineIsMalformed() throws Exception {
    String pem = Files.readString(holder);

    assertEquals(Reason.MALFORMED, reason(pem.substring(0, pem.indexOf("-----END"))));
  }

  @Test
  void aTruncatedDerOrOneWithTrailingBytesIsMalformed() throws Exception {
    byte[] der = Files.readAllBytes(der(holder));
    byte[] truncated = Arrays.copyOf(der, der.length - 10);
    byte[] trailing = Arrays.copyOf(der, der.length + 3);

    assertEquals(Reason.MALFORMED, reason(truncated));
    assertEquals(Reason.MALFORMED, reason(trailing));
  }

  // Bouncy Castle's parser recurses once per level: 5,000 nested SEQUENCEs overflowed its stack.
  @Test
  void aDeeplyNestedDerIsMalformedNotAStackOverflow() {
    assertEquals(Reason.MALFORMED, reason(OpensslCa.nestedSequences(200_000)));
  }

  @Test
  void aRequestOrTextIsNotCertificates() throws Exception {
    Path request = dir.resolve("AED-Test-Qualified-CA/holder.csr");

    assertReason(Reason.NOT_CERTIFICATES, request);
    assertEquals(Reason.NOT_CERTIFICATES, reason("Dear officer, here is your certificate."));
  }

  private Path der(Path pem) throws Exception {
    Path der = dir.resolve(pem.getFileName() + ".der");
    ca.openssl("x509", "-in", pem.toString(), "-outform", "DER", "-out", der.toString());
    return der;
  }

  private static String subject(Path pem) throws Exception {
    return CertificateFiles.read(pem).get(0).getSubjectX500Principal().getName();
  }

  private static List<X509Certificate> read(String text) throws Exception {
    return CertificateFiles.read(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static Reason reason(String text) {
    return reason(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Reason reason(byte[] content) {
    return assertThrows(CertificateFileException.class, () -> CertificateFiles.read(content))
        .reason();
  }

  private static void assertReason(Reason expected, Path file) {
    CertificateFileException e =
        assertThrows(CertificateFileException.class, () -> CertificateFiles.read(file));
    assertEquals(expected, e.reason(), e.getMessage());
  }
}
