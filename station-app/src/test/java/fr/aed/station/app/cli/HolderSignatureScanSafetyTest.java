package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.sheet.ScanFile;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.pades.ArchiveConformance;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sheet attach-scan} embeds only what it claims to be (issue 14, item 7): each hostile file
 * a tester tried is refused, in one line, before the sheet, the database or the journal changes; a
 * PDF's pages are drawn again, so nothing active of it reaches the sheet.
 */
class HolderSignatureScanSafetyTest {

  private static final String SCRIPT = ScanSamples.SCRIPT;

  @TempDir Path dir;
  @TempDir Path elsewhere;

  private String interventionId;
  private Path sheet;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = StationCommand.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** A meeting enrolled up to its sheet, left for the officer to sign. */
  @BeforeEach
  void enrollWithoutTheOfficer() throws Exception {
    TestOfficerKey.registerIn(dir.resolve("station.db"));
    JsonNode outcome = enroll(dir);
    assertFalse(outcome.get("sheetSigned").asBoolean());
    interventionId = outcome.get("interventionId").asText();
    sheet = Path.of(outcome.get("sheetPath").asText());
  }

  private JsonNode enroll(Path dataDir, String... more) throws IOException {
    Path dossier =
        Files.writeString(
            dataDir.resolve("dossier.json"),
            EnrollmentFile.toJson(SampleEnrollment.at(LocalDateTime.now())));
    Path pin = HolderPins.secretFile(dataDir.resolve("pin"), "123456\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "enroll",
                "--dossier",
                dossier.toString(),
                "--token",
                "simulated",
                "--pin-file",
                pin.toString(),
                "--new-pin-file",
                HolderPins.file(dataDir),
                "--algorithm",
                "p256",
                "--data-dir",
                dataDir.toString(),
                "--json"));
    args.addAll(List.of(more));
    String[] enrolled = run(args.toArray(String[]::new));
    assertEquals("0", enrolled[0], enrolled[2]);
    return EnrollmentFile.mapper().readTree(enrolled[1]);
  }

  private String[] attach(Path scan) {
    return run(
        "sheet", "attach-scan", interventionId, scan.toString(), "--data-dir", dir.toString());
  }

  /** What a refusal must leave as it was: the sheet's bytes, the database's rows, the folder. */
  private record Recorded(String sheetSha256, List<String> rows, List<String> folder) {}

  private Recorded recorded() throws IOException, SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("station.db"));
        Statement select = db.createStatement()) {
      for (String table : List.of("intervention", "journal", "journal_seal", "officer_key")) {
        try (ResultSet row = select.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
          int columns = row.getMetaData().getColumnCount();
          while (row.next()) {
            StringBuilder line = new StringBuilder(table);
            for (int c = 1; c <= columns; c++) {
              line.append('|').append(row.getString(c));
            }
            rows.add(line.toString());
          }
        }
      }
    }
    try (Stream<Path> files = Files.list(sheet.getParent())) {
      return new Recorded(
          Fingerprints.sha256Hex(Files.readAllBytes(sheet)),
          rows,
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private void assertRefused(Path scan, String because) throws Exception {
    Recorded before = recorded();
    String[] refused = attach(scan);
    assertEquals("1", refused[0], refused[1] + refused[2]);
    assertTrue(refused[2].contains(because), refused[2]);
    assertEquals(1, refused[2].strip().lines().count(), refused[2]);
    assertEquals(before, recorded());
  }

  @Test
  void symbolicLinkToAFileElsewhereIsRefusedNotFollowed() throws Exception {
    // A good scan behind the link: only the link itself can be the reason for the refusal.
    Path target = Files.write(elsewhere.resolve("real.png"), ScanSamples.image("png", 1));
    Path link = Files.createSymbolicLink(dir.resolve("s.png"), target);

    assertRefused(link, "is a symbolic link");
  }

  @Test
  void pipeDeviceAndDirectoryAreRefusedUnopened() throws Exception {
    Path fifo = dir.resolve("scan.png");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
    // Opening a pipe with no writer would block: refused before it is opened, the test returns.
    assertRefused(fifo, "is not a regular file");
    assertRefused(Path.of("/dev/zero"), "is not a regular file");
    assertRefused(Files.createDirectory(dir.resolve("folder.pdf")), "is not a regular file");
  }

  @Test
  void randomBytesNamedPngAreRefused() throws Exception {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    noise[0] = 0; // the seed's first byte is not a known signature, and stays so
    Path scan = Files.write(dir.resolve("scan.png"), noise);

    assertRefused(scan, "is not a PNG image: its content is none of PDF, PNG, JPEG or TIFF");
  }

  @Test
  void pngHoldingAJpegIsRefusedForItsName() throws Exception {
    Path scan = Files.write(dir.resolve("scan.png"), ScanSamples.image("jpeg", 1));

    assertRefused(scan, "holds a JPEG image, not a PNG image: name it .jpg");
  }

  @Test
  void unknownExtensionIsRefused() throws Exception {
    Path scan = Files.write(dir.resolve("scan.gif"), ScanSamples.image("png", 1));

    assertRefused(scan, "must be a PDF, PNG, JPEG or TIFF file");
  }

  @Test
  void hugePngIsRefusedFromItsHeaderWithoutDecoding() throws Exception {
    // No pixel data at all: decoding would fail otherwise, not on the size.
    Path scan = Files.write(dir.resolve("scan.png"), ScanSamples.pngHeaderOnly(30_000, 30_000));

    assertRefused(scan, "page 1 measures 30000 x 30000 pixels");
  }

  @Test
  void fileOverTheSizeLimitIsRefused() throws Exception {
    Path scan = Files.write(dir.resolve("scan.png"), ScanSamples.image("png", 1));
    try (RandomAccessFile file = new RandomAccessFile(scan.toFile(), "rw")) {
      file.setLength(ScanFile.MAX_BYTES + 1L);
    }

    assertRefused(scan, "is larger than 20 MiB");
  }

  @Test
  void emptyFileIsRefused() throws Exception {
    assertRefused(Files.createFile(dir.resolve("scan.pdf")), "is empty");
  }

  @Test
  void damagedJpegIsRefused() throws Exception {
    byte[] jpeg = ScanSamples.image("jpeg", 1);
    byte[] truncated = java.util.Arrays.copyOf(jpeg, jpeg.length / 2);
    Path scan = Files.write(dir.resolve("scan.jpg"), truncated);

    assertRefused(scan, "scan it again");
  }

  @Test
  void signedSheetOfAnotherMeetingIsRefused() throws Exception {
    JsonNode other = enroll(elsewhere, "--officer", "demo");
    assertTrue(other.get("sheetSigned").asBoolean());
    Path scan =
        Files.copy(Path.of(other.get("sheetPath").asText()), dir.resolve("fiche-scannee.pdf"));

    assertRefused(scan, "is a signed sheet, not a scan");
  }

  @Test
  void encryptedPdfsAreRefused() throws Exception {
    Path withPassword = Files.write(dir.resolve("a.pdf"), ScanSamples.encryptedPdf("user"));
    Path withoutPassword = Files.write(dir.resolve("b.pdf"), ScanSamples.encryptedPdf(""));

    assertRefused(withPassword, "is encrypted");
    assertRefused(withoutPassword, "is encrypted");
  }

  @Test
  void damagedPdfIsRefused() throws Exception {
    Path scan = Files.writeString(dir.resolve("scan.pdf"), "%PDF-1.7\nnot a PDF at all\n");

    assertRefused(scan, "cannot be read");
  }

  @Test
  void pdfOfTooManyPagesIsRefused() throws Exception {
    Path scan = Files.write(dir.resolve("scan.pdf"), ScanSamples.pdf(11));

    assertRefused(scan, "has 11 pages, more than 10");
  }

  @Test
  void pdfWithScriptIsAttachedAsItsPagesDrawnAgainWithoutScript() throws Exception {
    Path scan = Files.write(dir.resolve("scan.pdf"), ScanSamples.pdfWithScript());
    try (PDDocument hostile = Loader.loadPDF(Files.readAllBytes(scan))) {
      assertEquals(
          Set.of("OpenAction", "JavaScript", "JS", "EmbeddedFiles", "EF", SCRIPT),
          Set.copyOf(activeContent(hostile)));
    }

    String[] attached = attach(scan);
    assertEquals("0", attached[0], attached[2]);

    byte[] embedded = embedded(Files.readAllBytes(sheet)).get("signature-titulaire-scan.pdf");
    assertNotNull(embedded);
    try (PDDocument redrawn = Loader.loadPDF(embedded)) {
      assertEquals(1, redrawn.getNumberOfPages());
      assertEquals(List.of(), activeContent(redrawn));
      assertTrue(redrawn.getPage(0).getResources().getXObjectNames().iterator().hasNext());
    }
  }

  @Test
  void secondScanReplacesTheFirstUntilTheOfficerSigns() throws Exception {
    Path first = Files.write(dir.resolve("premiere.png"), ScanSamples.image("png", 1));
    Path second = Files.write(dir.resolve("seconde.jpg"), ScanSamples.image("jpeg", 1));

    assertEquals("0", attach(first)[0]);
    String[] replaced = attach(second);
    assertEquals("0", replaced[0], replaced[2]);

    byte[] pdf = Files.readAllBytes(sheet);
    Map<String, byte[]> files = embedded(pdf);
    assertTrue(files.containsKey("signature-titulaire-seconde.jpg"), files.keySet().toString());
    assertFalse(files.containsKey("signature-titulaire-premiere.png"), files.keySet().toString());
    assertEquals(3, files.size(), files.keySet().toString());
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertEquals(3, document.getDocumentCatalog().getCOSObject().getCOSArray(COSName.AF).size());
    }
    List<String> attachments =
        recorded().rows().stream()
            .filter(r -> r.startsWith("journal|") && r.contains("HOLDER_SIGNATURE_ATTACHED"))
            .toList();
    assertEquals(2, attachments.size(), attachments.toString());
    // The file's name may name the holder: the journal, kept past the purge, does not hold it.
    assertTrue(attachments.stream().noneMatch(r -> r.contains("seconde")), attachments.toString());
    assertTrue(
        attachments.get(0).contains("\"replacesEarlierScan\":\"false\""), attachments.get(0));
    assertTrue(attachments.get(1).contains("\"replacesEarlierScan\":\"true\""), attachments.get(1));

    String[] signed =
        run("resume", interventionId, "--officer", "demo", "--data-dir", dir.toString());
    assertEquals("0", signed[0], signed[2]);
    Path third = Files.write(dir.resolve("troisieme.png"), ScanSamples.image("png", 1));
    assertRefused(third, "the officer has signed the sheet");
  }

  @ParameterizedTest
  @CsvSource({
    "fiche.png, png, 1",
    "fiche.jpeg, jpeg, 1",
    "fiche.tif, tiff, 3",
    "fiche.pdf, pdf, 2"
  })
  void goodScanIsAttachedAndTheSignedSheetStillVerifies(String name, String format, int pages)
      throws Exception {
    byte[] content =
        format.equals("pdf") ? ScanSamples.pdf(pages) : ScanSamples.image(format, pages);
    Path scan = Files.write(dir.resolve(name), content);

    String[] attached = attach(scan);
    assertEquals("0", attached[0], attached[2]);
    byte[] embedded = embedded(Files.readAllBytes(sheet)).get("signature-titulaire-" + name);
    assertNotNull(embedded);
    assertEquals(pages, pagesOf(format, embedded));

    String[] signed =
        run("resume", interventionId, "--officer", "demo", "--data-dir", dir.toString());
    assertEquals("0", signed[0], signed[2]);
    String[] verified =
        run("sheet", "verify", sheet.toString(), "--demo", "--data-dir", dir.toString());
    assertEquals("0", verified[0], verified[1]);
    assertEquals(
        "PDF/A-3B compliant", ArchiveConformance.check(Files.readAllBytes(sheet)).summary());
  }

  private static int pagesOf(String format, byte[] embedded) throws IOException {
    if (format.equals("pdf")) {
      try (PDDocument document = Loader.loadPDF(embedded)) {
        return document.getNumberOfPages();
      }
    }
    var reader = ImageIO.getImageReadersByFormatName(format).next();
    try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(embedded))) {
      reader.setInput(in);
      BufferedImage first = reader.read(0);
      assertEquals(60, first.getWidth());
      return reader.getNumImages(true);
    } finally {
      reader.dispose();
    }
  }

  private static Map<String, byte[]> embedded(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Map<String, PDComplexFileSpecification> specifications =
          document.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
      Map<String, byte[]> files = new java.util.TreeMap<>();
      for (Map.Entry<String, PDComplexFileSpecification> entry : specifications.entrySet()) {
        PDEmbeddedFile file = entry.getValue().getEmbeddedFileUnicode();
        files.put(entry.getKey(), file.toByteArray());
      }
      return files;
    }
  }

  private static final Set<COSName> ACTIVE =
      Set.of(
          COSName.JS,
          COSName.JAVA_SCRIPT,
          COSName.OPEN_ACTION,
          COSName.AA,
          COSName.EMBEDDED_FILES,
          COSName.EF,
          COSName.ACRO_FORM,
          COSName.getPDFName("Launch"));

  /** Every key of ACTIVE and every string holding the script, in every object of the file. */
  private static List<String> activeContent(PDDocument document) throws IOException {
    List<String> found = new ArrayList<>();
    Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
      visit(document.getDocument().getObjectFromPool(key).getObject(), found, seen);
    }
    visit(document.getDocument().getTrailer(), found, seen);
    return found;
  }

  private static void visit(COSBase object, List<String> found, Set<COSBase> seen) {
    COSBase base = object instanceof COSObject indirect ? indirect.getObject() : object;
    if (base == null || !seen.add(base)) {
      return;
    }
    if (base instanceof COSDictionary dictionary) {
      for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
        if (ACTIVE.contains(entry.getKey())) {
          found.add(entry.getKey().getName());
        }
        visit(entry.getValue(), found, seen);
      }
    } else if (base instanceof COSArray array) {
      for (int i = 0; i < array.size(); i++) {
        visit(array.get(i), found, seen);
      }
    } else if (base instanceof COSString string && string.getString().contains("scan-payload")) {
      found.add(string.getString());
    }
  }
}
