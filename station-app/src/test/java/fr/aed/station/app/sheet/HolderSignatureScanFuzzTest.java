package fr.aed.station.app.sheet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import fr.aed.station.app.fuzz.FuzzInput;
import fr.aed.station.app.fuzz.FuzzStats;
import fr.aed.station.app.fuzz.ShortFuzzRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scan of the hand-signed sheet attached from hostile bytes and file names (issue 14), through
 * the attach-scan command's own path: anything is either refused as documented (a
 * ScanRefusedException with its reason), or, being a PDF, PNG, JPEG or TIFF its name agrees with,
 * written again and attached: the sheet reads again with its page, holding what was prepared byte
 * for byte under its name. Input fields ({@link FuzzInput}): the file name (as a path gives it: no
 * '/', no NUL, whole characters), then the scan's bytes, raw.
 */
class HolderSignatureScanFuzzTest {

  private static final Set<String> TYPES = Set.of("pdf", "png", "jpg", "jpeg", "tif", "tiff");
  private static final ZonedDateTime AT = ZonedDateTime.parse("2026-12-04T10:30:00+01:00");
  private static final byte[] SHEET = sheet();

  // The seeds once before the fuzzer's clock starts (see EnrollmentFileFuzzTest).
  @BeforeAll
  static void warmUp() throws Exception {
    for (byte[] seed : seeds()) {
      check(seed);
    }
  }

  // scripts/fuzz-long counts its inputs; Jazzer's default limit of 5 minutes would cut it short.
  @FuzzTest(maxDuration = "24h")
  void anyScanIsAttachedWholeOrRefusedAsDocumented(byte[] input) throws Exception {
    FuzzStats.timed(input, () -> check(input));
  }

  @Test
  void shortRun() throws Exception {
    ShortFuzzRun.run(
        seeds(),
        List.of(".pdf", ".PNG", ".jpeg", ".tif", "%PDF-1.7\n", "\u00ff", "..", "\\"),
        ShortFuzzRun.INPUTS,
        HolderSignatureScanFuzzTest::check);
  }

  /**
   * The entry point under test, as the attach-scan command goes: the scan's name and bytes checked
   * and written again ({@link HolderSignatureScan#prepare}), then attached inside the sheet.
   */
  private static SheetAttachment prepare(String fileName, byte[] scan) throws ScanRefusedException {
    return HolderSignatureScan.prepare(fileName, scan);
  }

  static void check(byte[] bytes) throws IOException {
    FuzzInput input = new FuzzInput(bytes);
    String fileName = asPathGivesIt(input.text());
    byte[] scan = input.remainingBytes();
    int dot = fileName.lastIndexOf('.');
    boolean typed =
        dot >= 0 && TYPES.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));

    SheetAttachment prepared;
    try {
      prepared = prepare(fileName, scan);
    } catch (ScanRefusedException refused) {
      return; // refused as documented, with its reason
    }
    assertTrue(typed && scan.length > 0, "accepted a scan of no accepted type, or empty");
    byte[] attached = HolderSignatureScan.attach(SHEET, prepared, AT);
    try (PDDocument document = Loader.loadPDF(attached)) {
      assertEquals(1, document.getNumberOfPages());
      Map<String, byte[]> files = EmbeddedAttachments.read(document);
      assertEquals(Set.of(prepared.fileName()), files.keySet());
      assertTrue(prepared.fileName().startsWith(HolderSignatureScan.NAME_PREFIX));
      assertArrayEquals(prepared.content(), files.values().iterator().next());
    }
  }

  // A file name comes from a path: '/' and NUL cannot be in it, and it is decoded from UTF-8.
  private static String asPathGivesIt(String text) {
    String name = text.replace('/', '_').replace('\0', '_');
    return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
  }

  static List<byte[]> seeds() {
    return List.of(
        concat(
            FuzzInput.encode("scan.pdf", ""),
            "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)),
        concat(FuzzInput.encode("fiche signée.PNG", ""), new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
        concat(FuzzInput.encode("f.jpeg", ""), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
        concat(FuzzInput.encode("f.tiff", ""), "II*\0".getBytes(StandardCharsets.US_ASCII)),
        FuzzInput.encode("f.pdf"),
        concat(FuzzInput.encode("f.exe", ""), new byte[] {'M', 'Z'}),
        concat(FuzzInput.encode("(a)<b>\\%.tif", ""), new byte[] {0}));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] joined = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, joined, a.length, b.length);
    return joined;
  }

  private static byte[] sheet() {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
