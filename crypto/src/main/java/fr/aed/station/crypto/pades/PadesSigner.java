package fr.aed.station.crypto.pades;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Signs a PDF with a PAdES baseline B-B signature (ETSI EN 319 142-1): Filter Adobe.PPKLite,
 * SubFilter ETSI.CAdES.detached, an invisible signature field or one shown in a rectangle of a page
 * ({@link SignatureAppearance}), appended as an incremental update so that the signed PDF keeps the
 * PDF/A conformance of the original. Given a time-stamping authority, the signature is baseline
 * B-T: its CMS also carries an RFC 3161 timestamp over its value.
 *
 * <p>The key stays on its device: PDFBox's external-signing path hands over the bytes the ByteRange
 * covers, the device signs the DER of the CMS signed attributes.
 */
public final class PadesSigner {

  /** SubFilter of a PAdES signature (ETSI EN 319 142-1, 5.3). */
  public static final COSName SUB_FILTER_CADES = COSName.getPDFName("ETSI.CAdES.detached");

  /** Room for the CMS besides its certificates: signer info, attributes, an RSA-4096 signature. */
  private static final int SIGNATURE_ROOM = 8192;

  /**
   * Room for a timestamp token: its SignedData, TSTInfo and the authority's certificates. Public
   * authorities send one to a few certificates of up to 2 KB each.
   */
  static final int TIMESTAMP_ROOM = 12288;

  /** What is done to the CMS once the device has signed it, before it goes into the PDF. */
  @FunctionalInterface
  private interface CmsCompletion<E extends Exception> {
    CMSSignedData complete(CMSSignedData cms) throws E;
  }

  /**
   * Signs the PDF at level B-B, without timestamp.
   *
   * @param pdf the document to sign, left unchanged
   * @param key the signer's key, on its device
   * @param chain the signer's certificate (whose public key is the device's), then its issuers
   * @param details the signer's name, reason, location and signing time
   * @return the signed PDF: the original bytes followed by the signature's incremental update
   * @throws IllegalArgumentException if the chain is empty or does not start with the key's
   *     certificate
   * @throws DeviceSigningException if the device refuses or fails to sign; nothing is returned
   * @throws SheetSigningException if the PDF cannot be read or the signature cannot be written
   */
  public byte[] sign(
      byte[] pdf, DeviceKey key, List<X509Certificate> chain, SignatureDetails details)
      throws DeviceSigningException, SheetSigningException {
    CmsCompletion<RuntimeException> asSigned = cms -> cms;
    return sign(pdf, key, chain, details, 0, asSigned, Optional.empty());
  }

  /**
   * Signs the PDF, at level B-T when a time-stamping authority is given, B-B otherwise.
   *
   * @param pdf the document to sign, left unchanged
   * @param key the signer's key, on its device
   * @param chain the signer's certificate (whose public key is the device's), then its issuers
   * @param details the signer's name, reason, location and signing time
   * @param timestampAuthority the authority that timestamps the signature value; when empty, the
   *     result is exactly that of {@link #sign(byte[], DeviceKey, List, SignatureDetails)}
   * @return the signed PDF: the original bytes followed by the signature's incremental update
   * @throws IllegalArgumentException if the chain is empty or does not start with the key's
   *     certificate
   * @throws DeviceSigningException if the device refuses or fails to sign; nothing is returned
   * @throws TimestampException if the authority gives no timestamp, or one that is not over this
   *     signature or does not verify; nothing is returned
   * @throws SheetSigningException if the PDF cannot be read or the signature, with its timestamp,
   *     cannot be written in the space reserved for it
   */
  public byte[] sign(
      byte[] pdf,
      DeviceKey key,
      List<X509Certificate> chain,
      SignatureDetails details,
      Optional<TimestampAuthority> timestampAuthority)
      throws DeviceSigningException, SheetSigningException, TimestampException {
    Objects.requireNonNull(timestampAuthority, "timestampAuthority");
    return sign(pdf, key, chain, details, timestampAuthority, Optional.empty());
  }

  /**
   * Signs the PDF as {@link #sign(byte[], DeviceKey, List, SignatureDetails, Optional)} does, the
   * signature shown on the page when an appearance is given (a widget whose normal appearance draws
   * its lines in the given rectangle), invisible otherwise.
   *
   * @param appearance where the signature shows and what it says
   * @throws IllegalArgumentException if the chain is empty or does not start with the key's
   *     certificate
   * @throws DeviceSigningException if the device refuses or fails to sign; nothing is returned
   * @throws TimestampException if the authority gives no valid timestamp; nothing is returned
   * @throws SheetSigningException if the PDF cannot be read, has no such page, or the signature
   *     cannot be written in the space reserved for it
   */
  public byte[] sign(
      byte[] pdf,
      DeviceKey key,
      List<X509Certificate> chain,
      SignatureDetails details,
      Optional<TimestampAuthority> timestampAuthority,
      Optional<SignatureAppearance> appearance)
      throws DeviceSigningException, SheetSigningException, TimestampException {
    Objects.requireNonNull(timestampAuthority, "timestampAuthority");
    Objects.requireNonNull(appearance, "appearance");
    if (timestampAuthority.isEmpty()) {
      CmsCompletion<RuntimeException> asSigned = cms -> cms;
      return sign(pdf, key, chain, details, 0, asSigned, appearance);
    }
    TimestampAuthority authority = timestampAuthority.get();
    CmsCompletion<TimestampException> stamped = cms -> SignatureTimestamp.add(cms, authority);
    return sign(pdf, key, chain, details, TIMESTAMP_ROOM, stamped, appearance);
  }

  private <E extends Exception> byte[] sign(
      byte[] pdf,
      DeviceKey key,
      List<X509Certificate> chain,
      SignatureDetails details,
      int extraRoom,
      CmsCompletion<E> completion,
      Optional<SignatureAppearance> appearance)
      throws DeviceSigningException, SheetSigningException, E {
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(details, "details");
    checkChain(key, chain);
    int room = SIGNATURE_ROOM + encodedLength(chain) + extraRoom;
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      options.setPreferredSignatureSize(room);
      if (appearance.isPresent()) {
        show(document, options, appearance.get());
      }
      document.addSignature(signatureDictionary(details), options);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * room);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      CMSSignedData cms = DetachedCmsSignature.sign(readAll(external), key, chain);
      external.setSignature(fitting(DetachedCmsSignature.der(completion.complete(cms)), room));
      return out.toByteArray();
    } catch (IOException e) {
      throw new SheetSigningException("cannot sign the PDF", e);
    }
  }

  private static void show(
      PDDocument document, SignatureOptions options, SignatureAppearance appearance)
      throws IOException, SheetSigningException {
    if (appearance.pageIndex() >= document.getNumberOfPages()) {
      throw new SheetSigningException(
          "no page " + (appearance.pageIndex() + 1) + " to show the signature on", null);
    }
    PDRectangle page = document.getPage(appearance.pageIndex()).getMediaBox();
    options.setVisualSignature(new ByteArrayInputStream(AppearanceTemplate.pdf(page, appearance)));
    options.setPage(appearance.pageIndex());
  }

  private static byte[] fitting(byte[] cms, int room) throws SheetSigningException {
    if (cms.length > room) {
      throw new SheetSigningException(
          "the signature takes " + cms.length + " bytes, more than the " + room + " reserved",
          null);
    }
    return cms;
  }

  private static void checkChain(DeviceKey key, List<X509Certificate> chain) {
    if (chain == null || chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
    if (!chain.get(0).getPublicKey().equals(key.publicKey())) {
      throw new IllegalArgumentException(
          "the first certificate is not the device key's: "
              + chain.get(0).getSubjectX500Principal());
    }
  }

  private static PDSignature signatureDictionary(SignatureDetails details) {
    PDSignature signature = new PDSignature();
    signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
    signature.setSubFilter(SUB_FILTER_CADES);
    signature.setName(details.signerName());
    signature.setReason(details.reason());
    signature.setLocation(details.location());
    signature.setSignDate(GregorianCalendar.from(details.signingTime()));
    return signature;
  }

  private static int encodedLength(List<X509Certificate> chain) {
    int length = 0;
    for (X509Certificate certificate : chain) {
      try {
        length += certificate.getEncoded().length;
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("unencodable certificate", e);
      }
    }
    return length;
  }

  private static byte[] readAll(ExternalSigningSupport external) throws IOException {
    try (InputStream content = external.getContent()) {
      return content.readAllBytes();
    }
  }
}
