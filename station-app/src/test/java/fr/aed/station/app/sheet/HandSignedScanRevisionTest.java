package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.crypto.pades.SheetSignatureReport;
import fr.aed.station.crypto.pades.SignatureDetails;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;

/** The hand-signed scan joins a signed sheet as a second revision, signed again by the officer. */
class HandSignedScanRevisionTest {

  @Test
  void theScanIsAppendedAndSignedAgainBothSignaturesHoldTheFirstOverItsRevision() throws Exception {
    InterventionSheet sheet = SampleSheets.sheet();
    byte[] first = VisibleSignaturesTest.officerSigns(VisibleSignaturesTest.rendered(), sheet);
    HandSignedScanRevision.Revision revision =
        HandSignedScanRevision.append(
            first, VisibleSignaturesTest.drawing("fiche-signee.png"), sheet.producedAt());
    assertArrayEquals(first, Arrays.copyOf(revision.pdf(), first.length));
    byte[] second = signsAgain(revision, sheet);

    SheetSignatureReport report = new PadesVerifier().verify(second);
    assertEquals(2, report.signatures().size());
    assertTrue(report.valid(), report.toString());
    assertFalse(report.signatures().get(0).coversWholeFile());
    assertTrue(report.signatures().get(1).coversWholeFile());
    try (PDDocument document = Loader.loadPDF(second)) {
      PDSignature earlier = document.getSignatureDictionaries().get(0);
      int[] range = earlier.getByteRange();
      assertEquals(first.length, range[2] + range[3]);
      int pages = document.getNumberOfPages();
      assertEquals(revision.officerArea().pageIndex(), pages - 1);
      assertEquals(1, DrawnImages.on(document.getPage(pages - 1)).size());
      assertTrue(HandSignedScanRevision.holdsHolderSignature(document));
    }
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(second).summary());
  }

  @Test
  void aSheetWithTheHoldersSignatureAlreadyTakesNoScan() throws Exception {
    InterventionSheet sheet = SampleSheets.sheet();
    byte[] drawn =
        HolderSignatureScan.attach(
            VisibleSignaturesTest.rendered(),
            VisibleSignaturesTest.drawing("tracee.png"),
            sheet.producedAt());
    byte[] signed = VisibleSignaturesTest.officerSigns(drawn, sheet);
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                HandSignedScanRevision.append(
                    signed, VisibleSignaturesTest.drawing("scan.png"), sheet.producedAt()));
    assertTrue(refused.getMessage().contains("already holds the holder's signature"));
  }

  @Test
  void anUnsignedSheetTakesItsScanBeforeSigningNotAsARevision() throws Exception {
    InterventionSheet sheet = SampleSheets.sheet();
    assertThrows(
        IllegalArgumentException.class,
        () ->
            HandSignedScanRevision.append(
                VisibleSignaturesTest.rendered(),
                VisibleSignaturesTest.drawing("scan.png"),
                sheet.producedAt()));
  }

  private static byte[] signsAgain(
      HandSignedScanRevision.Revision revision, InterventionSheet sheet) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    return new PadesSigner()
        .sign(
            revision.pdf(),
            SignedSheetTest.softwareKey(pair),
            List.of(SignedSheetTest.selfSigned(pair)),
            new SignatureDetails("Officier", "Scan", "Lyon", sheet.producedAt()),
            Optional.empty(),
            Optional.of(
                OfficerSignatureAppearance.in(
                    revision.officerArea(), "Officier", sheet.producedAt())));
  }
}
