package fr.aed.station.crypto.pades;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;

/**
 * Checks the signatures of a PDF by itself, without trust decisions: whether each CMS signature
 * verifies over its ByteRange, whether the ByteRange leaves out only the signature value, and
 * whether the signed signing-certificate-v2 attribute names the included certificate, and whether a
 * signature timestamp, when there is one, covers the signature value and verifies. Whether the
 * certificates are trusted is for a validator with trust anchors (EU DSS) to say.
 */
public final class PadesVerifier {

  /**
   * Checks every signature of the PDF.
   *
   * @return one check per signature dictionary, empty if the PDF is not signed
   * @throws SheetSigningException if the PDF cannot be parsed
   */
  public SheetSignatureReport verify(byte[] pdf) throws SheetSigningException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<SignatureCheck> checks = new ArrayList<>();
      for (PDSignature signature : document.getSignatureDictionaries()) {
        checks.add(check(signature, pdf));
      }
      return new SheetSignatureReport(checks);
    } catch (IOException e) {
      throw new SheetSigningException("cannot read the PDF's signatures", e);
    }
  }

  private static SignatureCheck check(PDSignature signature, byte[] pdf) throws IOException {
    boolean coversWholeFile = coversWholeFile(signature.getByteRange(), pdf);
    SignerCheck signer = signerCheck(signature, pdf);
    return new SignatureCheck(
        signer.subject(),
        signingTime(signature.getSignDate()),
        signature.getSubFilter(),
        signer.verifies(),
        coversWholeFile,
        signer.certificateMatches(),
        signer.timestamp(),
        signer.certificate());
  }

  private static SignerCheck signerCheck(PDSignature signature, byte[] pdf) throws IOException {
    try {
      byte[] signed = signature.getSignedContent(pdf);
      CMSSignedData cms =
          new CMSSignedData(new CMSProcessableByteArray(signed), signature.getContents(pdf));
      return SignerCheck.of(cms);
    } catch (CMSException | IllegalArgumentException | IOException e) {
      // A ByteRange pointing outside the file or unparsable /Contents: the signature is broken.
      return SignerCheck.BROKEN;
    }
  }

  /**
   * The ByteRange [0 a b c] must start the file, stop just before the /Contents hex string, resume
   * just after it, and reach the end of the file.
   */
  static boolean coversWholeFile(int[] byteRange, byte[] pdf) {
    if (byteRange == null || byteRange.length != 4 || byteRange[0] != 0) {
      return false;
    }
    long gapStart = byteRange[1];
    long gapEnd = byteRange[2];
    long end = (long) byteRange[2] + byteRange[3];
    return gapStart > 0
        && gapEnd > gapStart + 1
        && end == pdf.length
        && pdf[(int) gapStart] == '<'
        && pdf[(int) gapEnd - 1] == '>';
  }

  private static ZonedDateTime signingTime(Calendar time) {
    if (time instanceof GregorianCalendar gregorian) {
      return gregorian.toZonedDateTime();
    }
    return time == null ? null : time.toInstant().atZone(time.getTimeZone().toZoneId());
  }
}
