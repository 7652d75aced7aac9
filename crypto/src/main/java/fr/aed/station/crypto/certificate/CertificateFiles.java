package fr.aed.station.crypto.certificate;

import fr.aed.station.crypto.NestingDepth;
import fr.aed.station.crypto.certificate.CertificateFileException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * Reads the certificates in a file the CA sent: PEM (one or more CERTIFICATE blocks, or a PKCS7
 * block), DER certificate, DER PKCS#7 (certs-only SignedData, as .p7b/.p7c). Anything else is
 * refused with a {@link CertificateFileException} whose reason says why; a file holding a private
 * key is refused as such, so that the application can tell the officer not to keep it.
 */
public final class CertificateFiles {

  /** The largest file read: a certificate chain is a few kilobytes. */
  public static final int MAX_BYTES = 1 << 20;

  private static final String PEM_BEGIN = "-----BEGIN ";
  private static final byte SEQUENCE = 0x30;

  private CertificateFiles() {}

  /**
   * The certificates in {@code content}, in the file's order.
   *
   * @throws CertificateFileException TOO_LARGE over {@link #MAX_BYTES}; EMPTY for nothing or white
   *     space; PRIVATE_KEY_INSIDE for a private key (PEM block, or DER that begins like one);
   *     NOT_CERTIFICATES for another format or PEM type; NO_CERTIFICATE for a PKCS#7 without
   *     certificates; MALFORMED for truncated, trailing or interleaved garbage
   */
  public static List<X509Certificate> read(byte[] content) throws CertificateFileException {
    if (content.length > MAX_BYTES) {
      throw tooLarge(content.length);
    }
    String text = new String(content, StandardCharsets.ISO_8859_1);
    String stripped = text.replaceFirst("^\uFEFF|^\u00EF\u00BB\u00BF", "").strip();
    if (stripped.isEmpty()) {
      throw new CertificateFileException(Reason.EMPTY, "the file is empty");
    }
    if (PemBlocks.hasPrivateKey(text)) {
      throw new CertificateFileException(
          Reason.PRIVATE_KEY_INSIDE, "the file holds a private key, which no CA sends back");
    }
    List<X509Certificate> certificates =
        stripped.startsWith(PEM_BEGIN) ? fromPem(stripped) : fromBinary(content, text);
    if (certificates.isEmpty()) {
      throw new CertificateFileException(Reason.NO_CERTIFICATE, "the file holds no certificate");
    }
    return certificates;
  }

  /**
   * The certificates in a regular file (a symbolic link is followed to a regular file only), its
   * size checked before it is read.
   *
   * @throws CertificateFileException NOT_CERTIFICATES when the path is not a readable regular file
   *     (a directory, a device, a missing file); otherwise as {@link #read(byte[])}
   */
  public static List<X509Certificate> read(Path file) throws CertificateFileException {
    if (!Files.isRegularFile(file)) {
      throw new CertificateFileException(
          Reason.NOT_CERTIFICATES,
          file + " is not a regular file (a directory, a device, missing)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      if (Files.size(file) > MAX_BYTES) {
        throw tooLarge(Files.size(file));
      }
      // Bounded even if the file grows after its size was read.
      byte[] content = in.readNBytes(MAX_BYTES + 1);
      return read(content);
    } catch (IOException e) {
      throw new CertificateFileException(
          Reason.NOT_CERTIFICATES, file + " cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> fromPem(String text) throws CertificateFileException {
    List<X509Certificate> certificates = new ArrayList<>();
    for (PemBlocks.Block block : PemBlocks.read(text)) {
      if (!isCertificateLabel(block.label())) {
        throw new CertificateFileException(
            Reason.NOT_CERTIFICATES, "a PEM block of type " + block.label() + ", not certificates");
      }
      certificates.addAll(fromDer(block.der()));
    }
    return certificates;
  }

  private static boolean isCertificateLabel(String label) {
    return List.of("CERTIFICATE", "X509 CERTIFICATE", "PKCS7", "PKCS #7 SIGNED DATA", "CMS")
        .contains(label);
  }

  private static List<X509Certificate> fromBinary(byte[] content, String text)
      throws CertificateFileException {
    if (content[0] == SEQUENCE) {
      return fromDer(content);
    }
    if (text.contains(PEM_BEGIN)) {
      throw new CertificateFileException(
          Reason.MALFORMED, "text before the first PEM block: the file is damaged");
    }
    throw new CertificateFileException(
        Reason.NOT_CERTIFICATES, "neither PEM nor DER: not a certificate file");
  }

  private static List<X509Certificate> fromDer(byte[] der) throws CertificateFileException {
    ASN1Sequence sequence = sequence(der);
    ASN1Encodable first = sequence.size() == 0 ? null : sequence.getObjectAt(0);
    if (first instanceof ASN1Sequence) {
      return List.of(certificate(der));
    }
    if (first instanceof ASN1ObjectIdentifier) {
      return fromPkcs7(sequence);
    }
    if (first instanceof ASN1Integer) {
      // PKCS#8, RSA and EC private keys and PKCS#12 key stores all begin with a version INTEGER;
      // no certificate format does.
      throw new CertificateFileException(
          Reason.PRIVATE_KEY_INSIDE, "the file is a private key or a key store, not certificates");
    }
    throw new CertificateFileException(
        Reason.NOT_CERTIFICATES, "a DER structure that is not a certificate nor a PKCS#7");
  }

  private static ASN1Sequence sequence(byte[] der) throws CertificateFileException {
    if (!NestingDepth.acceptable(der)) {
      throw new CertificateFileException(
          Reason.MALFORMED,
          "damaged DER: truncated, inconsistent lengths, or nested deeper than "
              + NestingDepth.LIMIT
              + " levels");
    }
    try {
      // Refuses trailing bytes ("extra data detected in stream") as well as truncated ones.
      ASN1Primitive primitive = ASN1Primitive.fromByteArray(der);
      if (primitive instanceof ASN1Sequence sequence) {
        return sequence;
      }
    } catch (IOException | RuntimeException e) {
      throw new CertificateFileException(
          Reason.MALFORMED, "damaged DER (truncated or with trailing bytes): " + e.getMessage(), e);
    }
    throw new CertificateFileException(Reason.NOT_CERTIFICATES, "DER that is not a SEQUENCE");
  }

  private static List<X509Certificate> fromPkcs7(ASN1Sequence sequence)
      throws CertificateFileException {
    SignedData signedData;
    try {
      ContentInfo info = ContentInfo.getInstance(sequence);
      if (!PKCSObjectIdentifiers.signedData.equals(info.getContentType())) {
        throw new CertificateFileException(
            Reason.NOT_CERTIFICATES,
            "a PKCS#7 of type " + info.getContentType() + ", not a certificate bundle");
      }
      signedData = SignedData.getInstance(info.getContent());
    } catch (RuntimeException e) {
      throw new CertificateFileException(
          Reason.MALFORMED, "a damaged PKCS#7: " + e.getMessage(), e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    ASN1Set set = signedData == null ? null : signedData.getCertificates();
    for (int i = 0; set != null && i < set.size(); i++) {
      // The other choices (attribute and other certificates) are not X.509 certificates.
      if (set.getObjectAt(i) instanceof ASN1Sequence element) {
        certificates.add(certificate(encoded(element)));
      }
    }
    return certificates;
  }

  private static byte[] encoded(ASN1Sequence element) throws CertificateFileException {
    try {
      return element.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new CertificateFileException(Reason.MALFORMED, "a damaged certificate in a PKCS#7", e);
    }
  }

  private static X509Certificate certificate(byte[] der) throws CertificateFileException {
    try {
      Certificate.getInstance(der);
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw new CertificateFileException(
          Reason.MALFORMED, "a damaged certificate: " + e.getMessage(), e);
    }
  }

  private static CertificateFileException tooLarge(long size) {
    return new CertificateFileException(
        Reason.TOO_LARGE,
        "the file has " + size + " bytes, more than the " + MAX_BYTES + " a certificate file has");
  }
}
