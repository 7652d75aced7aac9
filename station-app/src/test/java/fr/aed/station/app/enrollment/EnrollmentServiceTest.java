package fr.aed.station.app.enrollment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.IdentityDocument;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.officer.DemoOfficerCard;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.sheet.PdfSheetRenderer;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.InterventionSummary;
import fr.aed.station.app.store.OfficerKeyring;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.TestOfficerKey;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.pades.ArchiveConformance;
import fr.aed.station.crypto.pades.PadesVerifier;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.WrongPinException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole enrollment on a simulated card, a real SQLite file and the real sheet renderer. */
class EnrollmentServiceTest {

  @TempDir Path dir;

  private InterventionStore store;
  private OfficerCredential officer;
  private EnrollmentService service;
  private final List<Step> stepsSeen = new ArrayList<>();

  @BeforeEach
  void open() throws Exception {
    store = InterventionStore.open(dir.resolve("station.db"));
    officer = DemoOfficerCard.issue(SampleEnrollment.at(LocalDateTime.now()).meeting().officer());
    service =
        new EnrollmentService(store, new PdfSheetRenderer(), Clock.systemDefaultZone(), officer);
  }

  @AfterEach
  void close() {
    officer.close();
    store.close();
  }

  // Each new meeting on a card of its own, kept in a file; a resumption (null) on the card of the
  // last meeting begun, as the holder brings it back.
  private Path lastCard;

  private EnrollmentRequest request(Enrollment enrollment, String pin, KeyType type) {
    if (enrollment != null || lastCard == null) {
      lastCard = dir.resolve("cards").resolve(UUID.randomUUID() + ".card");
    }
    return new EnrollmentRequest(
        enrollment,
        TokenConnectors.savedSimulatedCard(lastCard),
        pin::toCharArray,
        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
        type,
        dir.resolve("out"),
        (step, duration, summary) -> stepsSeen.add(step));
  }

  @ParameterizedTest
  @EnumSource(KeyType.class)
  void completeEnrollmentOnTheSimulatedCard(KeyType type) throws Exception {
    EnrollmentOutcome outcome =
        service.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", type));

    PKCS10CertificationRequest csr = readCsr(outcome.csrPath());
    assertEquals(outcome.csrSha256(), Fingerprints.sha256Hex(csr.getEncoded()));
    assertEquals(
        outcome.publicKeySha256(),
        Fingerprints.sha256Hex(csr.getSubjectPublicKeyInfo().getEncoded()));
    assertTrue(csr.getSubject().toString().contains("CN=Élodie Marie Lefèvre-Dubois"));
    assertArrayEquals(
        "%PDF".getBytes(), java.util.Arrays.copyOf(Files.readAllBytes(outcome.sheetPath()), 4));

    InterventionSummary record = store.find(outcome.interventionId()).orElseThrow();
    assertEquals("CLOSED", record.status());
    assertEquals(outcome.csrSha256(), record.csrSha256());
    assertEquals(
        List.of(
            "OFFICER_KEY_REGISTERED",
            "DOSSIER_OPENED",
            "CHECKS_RECORDED",
            "TOKEN_IDENTIFIED",
            "PIN_CHANGED",
            "KEY_GENERATED",
            "REQUEST_BUILT",
            "SHEET_PRODUCED",
            "SHEET_SIGNED",
            "CLOSED",
            "JOURNAL_SEALED"),
        store.journal().stream().map(e -> e.entry().event()).toList());
    assertEquals(9, stepsSeen.size());
    assertEquals(Optional.empty(), store.verifyJournal());
    byte[] sheet = Files.readAllBytes(outcome.sheetPath());
    assertTrue(outcome.sheetSigned());
    assertTrue(new PadesVerifier().verify(sheet).valid());
    assertEquals("PDF/A-3B compliant", ArchiveConformance.check(sheet).summary());
    assertEquals(
        Fingerprints.sha256Hex(sheet),
        store.state(outcome.interventionId()).orElseThrow().sheetSha256());
  }

  @Test
  void withoutAnOfficerCredentialTheSheetAwaitsSignatureThenResumeSignsIt() throws Exception {
    TestOfficerKey.register(store);
    EnrollmentService unsigned =
        new EnrollmentService(store, new PdfSheetRenderer(), Clock.systemDefaultZone());
    EnrollmentOutcome first =
        unsigned.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256));

    assertFalse(first.sheetSigned());
    assertEquals("OPEN", store.find(first.interventionId()).orElseThrow().status());
    assertEquals("SHEET_PRODUCED", store.find(first.interventionId()).orElseThrow().step());
    assertTrue(
        new PadesVerifier().verify(Files.readAllBytes(first.sheetPath())).signatures().isEmpty());

    EnrollmentOutcome signed =
        service.resume(first.interventionId(), request(null, "123456", KeyType.P256));

    assertTrue(signed.sheetSigned());
    assertTrue(new PadesVerifier().verify(Files.readAllBytes(signed.sheetPath())).valid());
    assertEquals("CLOSED", store.find(first.interventionId()).orElseThrow().status());
    assertEquals(Optional.empty(), store.verifyJournal());
  }

  @Test
  void officerCardPulledLeavesAnUnsignedSheetAndAResumableMeeting() throws Exception {
    officer.token().close();

    EnrollmentException e =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256)));

    assertTrue(e.getMessage().contains("the sheet is not signed"), e.getMessage());
    assertEquals("SHEET_PRODUCED", store.find(e.interventionId()).orElseThrow().step());
    try (OfficerCredential again =
        DemoOfficerCard.issue(SampleEnrollment.at(LocalDateTime.now()).meeting().officer())) {
      EnrollmentOutcome resumed =
          new EnrollmentService(store, new PdfSheetRenderer(), Clock.systemDefaultZone(), again)
              .resume(e.interventionId(), request(null, "123456", KeyType.P256));
      assertTrue(resumed.sheetSigned());
    }
    assertEquals("CLOSED", store.find(e.interventionId()).orElseThrow().status());
  }

  @Test
  void twoEnrollmentsGiveTwoDifferentKeys() throws Exception {
    EnrollmentOutcome first =
        service.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256));
    EnrollmentOutcome second =
        service.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256));

    assertNotEquals(first.publicKeySha256(), second.publicKeySha256());
    assertNotEquals(first.tokenSerial(), second.tokenSerial());
  }

  @Test
  void expiredIdentityDocumentIsRefusedBeforeAnyKey() throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    MeetingRecord m = sample.meeting();
    IdentityDocument d = m.identityDocument();
    Enrollment expired =
        new Enrollment(
            sample.dossier(),
            m.withIdentityDocument(
                new IdentityDocument(
                    d.type(), d.number(), d.issuingState(), m.heldAt().toLocalDate().minusDays(1)),
                SampleEnrollment.mrzExpiring(m.heldAt().toLocalDate().minusDays(1))));

    MeetingRefusedException e =
        assertThrows(
            MeetingRefusedException.class,
            () -> service.enroll(request(expired, "123456", KeyType.P256)));

    InterventionSummary record = store.find(e.interventionId()).orElseThrow();
    assertEquals("REFUSED", record.status());
    assertTrue(e.reasons().get(0).contains("expiré"));
    assertTrue(store.journal().stream().noneMatch(j -> j.entry().event().equals("KEY_GENERATED")));
  }

  // Issue 16: the journal keeps the proofing for the audit, without the names read from the
  // document.
  @Test
  void theChecksEntryCarriesTheProofingAndNotTheNamesReadFromTheDocument() throws Exception {
    EnrollmentOutcome outcome =
        service.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256));

    String checks =
        store.journal().stream()
            .filter(e -> e.entry().intervention().equals(outcome.interventionId()))
            .filter(e -> e.entry().event().equals("CHECKS_RECORDED"))
            .findFirst()
            .orElseThrow()
            .entry()
            .detail();
    JsonNode proofing =
        EnrollmentFile.mapper()
            .readTree(EnrollmentFile.mapper().readTree(checks).path("proofing").asText());
    assertEquals("FRA-ID-2021", proofing.at("/examination/document").asText());
    assertEquals(3, proofing.at("/examination/checks").size());
    assertEquals("SAME_PERSON", proofing.at("/portrait/verdict").asText());
    assertEquals("Présidente", proofing.at("/authority/role").asText());
    assertEquals(HolderConsent.CURRENT_NOTICE, proofing.at("/consent/notice").asText());
    assertTrue(proofing.at("/officer/trainedOn").isTextual());
    assertTrue(proofing.at("/names/visualZone").isMissingNode(), proofing.toString());
  }

  // Hostile review: a file dated weeks ago escaped the training and extract rules of that day.
  @Test
  void aMeetingDatedLongBeforeItIsRecordedIsRefused() throws Exception {
    Enrollment backdated = SampleEnrollment.at(LocalDateTime.now().minusDays(35));

    MeetingRefusedException e =
        assertThrows(
            MeetingRefusedException.class,
            () -> service.enroll(request(backdated, "123456", KeyType.P256)));

    assertTrue(
        e.reasons().stream()
            .anyMatch(r -> r.contains("plus de 12 heures avant son enregistrement")),
        e.reasons().toString());
  }

  @Test
  void aRefusalRecordsTheRequirementsItFails() throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    Officer o = sample.meeting().officer();
    Officer untrained =
        new Officer(
            o.name(),
            o.office(),
            o.address(),
            o.aedIdentifier(),
            sample.meeting().heldAt().toLocalDate().minusYears(1).minusDays(1),
            o.accreditation());
    Enrollment refused = new Enrollment(sample.dossier(), sample.meeting().withOfficer(untrained));

    MeetingRefusedException e =
        assertThrows(
            MeetingRefusedException.class,
            () -> service.enroll(request(refused, "123456", KeyType.P256)));

    String detail =
        store.journal().stream()
            .filter(j -> j.entry().intervention().equals(e.interventionId()))
            .filter(j -> j.entry().event().equals("REFUSED"))
            .findFirst()
            .orElseThrow()
            .entry()
            .detail();
    assertEquals(
        "VAL-8.3.3-14X VAL-8.3.3-15X",
        EnrollmentFile.mapper().readTree(detail).path("failedRequirements").asText());
  }

  @Test
  void wrongPinInterruptsTheMeetingWithTriesLeftAndKeepsTheRecord() throws Exception {
    EnrollmentException e =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "999999", KeyType.P256)));

    WrongPinException cause = (WrongPinException) e.getCause();
    assertEquals(2, cause.triesLeft());
    assertTrue(e.getMessage().contains("2 tries left"), e.getMessage());
    InterventionSummary record = store.find(e.interventionId()).orElseThrow();
    assertEquals("OPEN", record.status());
    assertEquals("TOKEN_IDENTIFIED", record.step());
    assertEquals("INTERRUPTED", store.journal().get(store.journal().size() - 1).entry().event());
    assertEquals(Optional.empty(), store.verifyJournal());
  }

  // The holder's card, kept in a state file, pulled as it generates the key: the PIN change is
  // recorded; resuming with a factory PIN is refused before the card is asked anything, and with
  // the holder's own PIN the meeting closes on a card that no longer takes the factory PIN.
  @Test
  void aMeetingResumedAfterThePinChangeTakesOnlyTheHoldersOwnPin() throws Exception {
    Path card = dir.resolve("holder.card");
    EnrollmentException pulled =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    onSavedCard(
                        SampleEnrollment.at(LocalDateTime.now()),
                        TokenConnectors.savedSimulatedCard(card, true),
                        "123456"::toCharArray,
                        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                        "out")));
    String id = pulled.interventionId();
    assertEquals("PIN_CHANGED", store.find(id).orElseThrow().step(), pulled.getMessage());

    EnrollmentException factory =
        assertThrows(
            EnrollmentException.class,
            () -> service.resume(id, resumeOn(card, TokenConnectors.SIMULATED_CARD_PIN)));
    assertTrue(factory.getMessage().contains("factory PIN"), factory.getMessage());
    assertTrue(store.state(id).orElseThrow().pinChosen(), "the record still knows the PIN changed");

    service.resume(id, resumeOn(card, TokenConnectors.SIMULATED_HOLDER_PIN));
    assertEquals("CLOSED", store.find(id).orElseThrow().status());
    try (fr.aed.station.token.Token token = TokenConnectors.savedSimulatedCard(card).connect()) {
      assertThrows(
          WrongPinException.class,
          () -> token.verifyPin(TokenConnectors.SIMULATED_CARD_PIN.toCharArray()));
      token.verifyPin(TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
    }
    assertEquals(Optional.empty(), store.verifyJournal());
  }

  // The card took the new PIN but its answer was lost (pulled as it answered): the record does
  // not know. Resuming with the factory PIN is refused by the card; the chosen PIN then opens it.
  @Test
  void aPinChangeTheStationNeverHeardOfIsFoundWhenResuming() throws Exception {
    Path card = dir.resolve("holder.card");
    EnrollmentException wrongPin =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    onSavedCard(
                        SampleEnrollment.at(LocalDateTime.now()),
                        TokenConnectors.savedSimulatedCard(card),
                        "000000"::toCharArray,
                        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                        "out")));
    String id = wrongPin.interventionId();
    assertFalse(store.state(id).orElseThrow().pinChosen());
    try (fr.aed.station.token.Token token = TokenConnectors.savedSimulatedCard(card).connect()) {
      token.changePin(
          TokenConnectors.SIMULATED_CARD_PIN.toCharArray(),
          TokenConnectors.SIMULATED_HOLDER_PIN.toCharArray());
    }

    service.resume(
        id,
        onSavedCard(
            null,
            TokenConnectors.savedSimulatedCard(card),
            TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
            CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
            "resumed"));

    assertEquals("CLOSED", store.find(id).orElseThrow().status());
    assertTrue(
        store.journal().stream()
            .anyMatch(
                e ->
                    e.entry().intervention().equals(id)
                        && e.entry().event().equals("PIN_CHANGED")
                        && e.entry().detail().contains("\"changedBeforeInterruption\":\"true\"")),
        "the journal says the change had happened before the interruption");
  }

  private EnrollmentRequest resumeOn(Path card, String pin) {
    return onSavedCard(
        null,
        TokenConnectors.savedSimulatedCard(card),
        pin::toCharArray,
        CardSetup.none(),
        "resumed");
  }

  // A P-256 enrollment (null: a resumption) on a simulated card kept in a file.
  private EnrollmentRequest onSavedCard(
      Enrollment enrollment, TokenConnector card, PinSource pin, CardSetup setup, String out) {
    return new EnrollmentRequest(
        enrollment, card, pin, setup, KeyType.P256, dir.resolve(out), EnrollmentListener.NONE);
  }

  @Test
  void meetingInterruptedByAWrongPinIsResumedToTheEnd() throws Exception {
    EnrollmentException interrupted =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "000000", KeyType.P256)));

    EnrollmentOutcome outcome =
        service.resume(interrupted.interventionId(), request(null, "123456", KeyType.P256));

    assertEquals(interrupted.interventionId(), outcome.interventionId());
    assertEquals("CLOSED", store.find(outcome.interventionId()).orElseThrow().status());
    List<String> events =
        store.journal().stream()
            .filter(e -> e.entry().intervention().equals(outcome.interventionId()))
            .map(e -> e.entry().event())
            .toList();
    assertEquals(
        List.of("INTERRUPTED", "RESUMED", "TOKEN_IDENTIFIED", "PIN_CHANGED", "KEY_GENERATED"),
        events.subList(3, 8));
    assertEquals(Optional.empty(), store.verifyJournal());
  }

  @Test
  void meetingInterruptedAtTheSheetResumesWithoutTheToken() throws Exception {
    new OfficerKeyring(store).register(officer.keyManagement(), java.time.Instant.now());
    InterventionStore same = store;
    EnrollmentService failingSheet =
        new EnrollmentService(
            same,
            (sheet, attachments) -> {
              throw new java.io.IOException("disk full");
            },
            Clock.systemDefaultZone());
    EnrollmentException interrupted =
        assertThrows(
            EnrollmentException.class,
            () ->
                failingSheet.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256)));
    assertEquals("REQUEST_BUILT", store.find(interrupted.interventionId()).orElseThrow().step());
    String csrBefore = store.find(interrupted.interventionId()).orElseThrow().csrSha256();

    EnrollmentRequest noToken =
        new EnrollmentRequest(
            null,
            () -> {
              throw new AssertionError("the token is not needed once the request is built");
            },
            () -> {
              throw new AssertionError("no PIN either");
            },
            CardSetup.none(),
            KeyType.P256,
            dir.resolve("resumed"),
            EnrollmentListener.NONE);
    EnrollmentOutcome outcome = service.resume(interrupted.interventionId(), noToken);

    assertEquals(csrBefore, outcome.csrSha256());
    assertTrue(Files.exists(outcome.sheetPath()));
    assertEquals("CLOSED", store.find(outcome.interventionId()).orElseThrow().status());
  }

  @Test
  void theDatabaseKeepsNoIdentityDocumentNumberNorMrzInClear() throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    EnrollmentOutcome done = service.enroll(request(sample, "123456", KeyType.P256));
    store.close();

    String number = sample.meeting().identityDocument().number();
    String mrzLine = sample.meeting().mrz().lines().findFirst().orElseThrow();
    for (String file : List.of("station.db", "station.db-wal")) {
      Path path = dir.resolve(file);
      if (Files.exists(path)) {
        String bytes = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(number), file + " holds the document number");
        assertFalse(bytes.contains(mrzLine), file + " holds the MRZ");
      }
    }
    store = InterventionStore.open(dir.resolve("station.db"));
    InterventionState state = store.state(done.interventionId()).orElseThrow();
    assertTrue(state.identityIsSealed());
    assertTrue(state.enrollmentJson().contains(sample.dossier().holder().surname()));
  }

  @Test
  void anInterruptedMeetingsIdentityOpensOnlyWithTheOfficersCard() throws Exception {
    Enrollment sample = SampleEnrollment.at(LocalDateTime.now());
    EnrollmentException interrupted =
        assertThrows(
            EnrollmentException.class,
            () -> service.enroll(request(sample, "000000", KeyType.P256)));
    String id = interrupted.interventionId();

    try (OfficerCredential stranger = DemoOfficerCard.issue(sample.meeting().officer())) {
      EnrollmentException refused =
          assertThrows(
              EnrollmentException.class,
              () ->
                  new EnrollmentService(
                          store, new PdfSheetRenderer(), Clock.systemDefaultZone(), stranger)
                      .resume(id, request(null, "123456", KeyType.P256)));
      assertTrue(refused.getMessage().contains("is sealed for the officer's card"));
    }
    assertEquals("TOKEN_IDENTIFIED", store.find(id).orElseThrow().step());

    EnrollmentOutcome outcome = service.resume(id, request(null, "123456", KeyType.P256));
    try (PDDocument sheet = Loader.loadPDF(outcome.sheetPath().toFile())) {
      assertTrue(
          new PDFTextStripper()
              .getText(sheet)
              .contains(sample.meeting().identityDocument().number()),
          "the resumed sheet shows the opened document number");
    }
  }

  @Test
  void closedMeetingCannotBeResumed() throws Exception {
    EnrollmentOutcome done =
        service.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256));

    EnrollmentException e =
        assertThrows(
            EnrollmentException.class,
            () -> service.resume(done.interventionId(), request(null, "123456", KeyType.P256)));
    assertTrue(e.getMessage().contains("is CLOSED: nothing to resume"), e.getMessage());
  }

  @Test
  void unwritableOutputFolderIsRefusedBeforeAnythingIsRecorded() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    EnrollmentRequest request =
        new EnrollmentRequest(
            SampleEnrollment.at(LocalDateTime.now()),
            TokenConnectors.freshSimulatedCard(),
            "123456"::toCharArray,
            CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
            KeyType.P256,
            file.resolve("out"),
            EnrollmentListener.NONE);

    EnrollmentException e = assertThrows(EnrollmentException.class, () -> service.enroll(request));
    assertTrue(e.getMessage().contains("cannot write to the output folder"), e.getMessage());
    assertEquals(List.of(), store.list());
  }

  private static PKCS10CertificationRequest readCsr(Path pem) throws Exception {
    try (PEMParser parser = new PEMParser(new StringReader(Files.readString(pem)))) {
      return (PKCS10CertificationRequest) parser.readObject();
    }
  }

  @Test
  void aResumedMeetingRefusesAnotherCardBeforeAnyPin() throws Exception {
    EnrollmentException interrupted =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "000000", KeyType.P256)));
    String id = interrupted.interventionId();
    Path other = dir.resolve("other.card");

    EnrollmentException refused =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.resume(
                    id,
                    new EnrollmentRequest(
                        null,
                        TokenConnectors.savedSimulatedCard(other),
                        "123456"::toCharArray,
                        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                        KeyType.P256,
                        dir.resolve("resumed"),
                        EnrollmentListener.NONE)));

    assertInstanceOf(OtherCardException.class, refused.getCause());
    assertEquals("OPEN", store.find(id).orElseThrow().status());
    try (Token card = TokenConnectors.savedSimulatedCard(other).connect()) {
      // The card's own PIN was never tried: it still opens at the first try.
      card.verifyPin("123456".toCharArray());
    }
  }

  @Test
  void aNewCardChosenByTheOfficerIsRecordedAndStartsFromItsOwnPin() throws Exception {
    EnrollmentException interrupted =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "000000", KeyType.P256)));
    String id = interrupted.interventionId();
    String firstSerial = store.state(id).orElseThrow().tokenSerial();

    EnrollmentOutcome outcome =
        service.resume(
            id,
            new EnrollmentRequest(
                null,
                TokenConnectors.freshSimulatedCard(),
                TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray)
                    .onNewCard(),
                KeyType.P256,
                dir.resolve("resumed"),
                EnrollmentListener.NONE));

    assertEquals("CLOSED", store.find(id).orElseThrow().status());
    assertNotEquals(firstSerial, outcome.tokenSerial());
    assertTrue(
        store.journal().stream()
            .filter(e -> e.entry().intervention().equals(id))
            .filter(e -> e.entry().event().equals("TOKEN_IDENTIFIED"))
            .anyMatch(e -> e.entry().detail().contains("\"replacesCard\":\"" + firstSerial)),
        "the journal says which card the new one replaces");
  }

  @Test
  void aNewCardStoppedBeforeItsPinChangeAsksItsOwnPinWhenTakenUpAgain() throws Exception {
    Path first = dir.resolve("first.card");
    EnrollmentException pulled =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    onSavedCard(
                        SampleEnrollment.at(LocalDateTime.now()),
                        TokenConnectors.savedSimulatedCard(first, true),
                        TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                        "first")));
    String id = pulled.interventionId();
    assertTrue(
        store.state(id).orElseThrow().pinChosen(), "the holder chose a PIN on the first card");
    Path second = dir.resolve("second.card");

    assertThrows(
        EnrollmentException.class,
        () ->
            service.resume(
                id,
                onSavedCard(
                    null,
                    TokenConnectors.savedSimulatedCard(second),
                    "000000"::toCharArray,
                    CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray)
                        .onNewCard(),
                    "second")));
    assertFalse(store.state(id).orElseThrow().pinChosen(), "no PIN chosen on the new card yet");

    EnrollmentOutcome outcome =
        service.resume(
            id,
            onSavedCard(
                null,
                TokenConnectors.savedSimulatedCard(second),
                TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray),
                "again"));

    assertEquals("CLOSED", store.find(id).orElseThrow().status());
    assertEquals(store.state(id).orElseThrow().tokenSerial(), outcome.tokenSerial());
  }

  @Test
  void aNewCardThatIsTheRecordedOneIsRefusedAndTheNewPinNeverDropped() throws Exception {
    EnrollmentException interrupted =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.enroll(
                    request(SampleEnrollment.at(LocalDateTime.now()), "000000", KeyType.P256)));
    String id = interrupted.interventionId();

    EnrollmentException refused =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.resume(
                    id,
                    onSavedCard(
                        null,
                        TokenConnectors.savedSimulatedCard(lastCard),
                        TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray)
                            .onNewCard(),
                        "same")));

    OtherCardException cause = assertInstanceOf(OtherCardException.class, refused.getCause());
    assertTrue(cause.sameCard());
    assertEquals(Step.TOKEN_IDENTIFIED, Step.valueOf(store.find(id).orElseThrow().step()));
    assertFalse(store.state(id).orElseThrow().pinChosen());
  }

  @Test
  void aNewCardIsRefusedOnceTheRequestIsBuiltOnTheRecordedOne() throws Exception {
    EnrollmentService unsigned =
        EnrollmentService.untilSheet(
            store, new PdfSheetRenderer(), Clock.systemDefaultZone(), officer);
    EnrollmentOutcome first =
        unsigned.enroll(request(SampleEnrollment.at(LocalDateTime.now()), "123456", KeyType.P256));
    long entries = store.journal().size();

    EnrollmentException refused =
        assertThrows(
            EnrollmentException.class,
            () ->
                service.resume(
                    first.interventionId(),
                    onSavedCard(
                        null,
                        TokenConnectors.freshSimulatedCard(),
                        TokenConnectors.SIMULATED_CARD_PIN::toCharArray,
                        CardSetup.holderChooses(TokenConnectors.SIMULATED_HOLDER_PIN::toCharArray)
                            .onNewCard(),
                        "late")));

    assertTrue(
        refused.getMessage().contains("a new card needs a new meeting"), refused.getMessage());
    assertEquals(entries, store.journal().size(), "nothing recorded");
    assertEquals("OPEN", store.find(first.interventionId()).orElseThrow().status());
  }
}
