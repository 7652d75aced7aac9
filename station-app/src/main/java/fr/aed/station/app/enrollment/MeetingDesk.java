package fr.aed.station.app.enrollment;

import fr.aed.station.app.catalogue.CatalogueException;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.sheet.SheetRenderer;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The meeting use case, assembled in one place: the window, the command line, the batch and the
 * demonstration hold their meetings through it, with the same steps.
 *
 * <p>A meeting goes through in one run ({@link #hold}, {@link #resume}: the holder signs the
 * printed sheet, the officer's card signs it at once) or in three, the holder's signature between
 * ({@link #produceSheet}, {@link #attachHolderSignature}, {@link #close}). Each operation opens the
 * station's database for its run, except {@link #on}, for a caller that keeps it open.
 */
public final class MeetingDesk {

  private final Path databaseFile;
  private final SheetRenderer sheetRenderer;
  private final Clock clock;
  private final Optional<TimestampAuthority> timestamps;

  /**
   * @param databaseFile the station's database
   * @param sheetRenderer renders the intervention sheet
   * @param clock the meetings' time
   * @param timestamps the authority that timestamps the officer's signatures, if any (PAdES
   *     baseline T)
   */
  public MeetingDesk(
      Path databaseFile,
      SheetRenderer sheetRenderer,
      Clock clock,
      Optional<TimestampAuthority> timestamps) {
    this.databaseFile = databaseFile;
    this.sheetRenderer = sheetRenderer;
    this.clock = clock;
    this.timestamps = timestamps;
  }

  /**
   * Holds a new meeting in one run: checks, card, request, sheet, the officer's signature (when a
   * credential is given, else the meeting stays open at its sheet), close.
   */
  public EnrollmentOutcome hold(EnrollmentRequest request, OfficerCredential officer)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return on(store, officer).enroll(request);
    }
  }

  /** Resumes an open meeting from its last recorded step, in one run to its end. */
  public EnrollmentOutcome resume(
      String interventionId, EnrollmentRequest request, OfficerCredential officer)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return on(store, officer).resume(interventionId, request);
    }
  }

  /**
   * Runs a new meeting up to its sheet, which waits unsigned for the holder's signature; the
   * officer's credential seals the identity document but signs nothing yet.
   */
  public EnrollmentOutcome produceSheet(EnrollmentRequest request, OfficerCredential officer)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return untilSheet(store, officer).enroll(request);
    }
  }

  /** Resumes an open meeting up to its sheet, unsigned. */
  public EnrollmentOutcome produceSheet(
      String interventionId, EnrollmentRequest request, OfficerCredential officer)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return untilSheet(store, officer).resume(interventionId, request);
    }
  }

  /**
   * Attaches the holder's signature (drawn on screen, or the scan of the signed printed sheet) to
   * the produced sheet the officer has not signed; see {@link HolderSignatureAttachment#attach}.
   */
  public Path attachHolderSignature(String interventionId, Path signature)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return new HolderSignatureAttachment(store, clock).attach(interventionId, signature);
    }
  }

  /**
   * Adds the holder's hand-signed scan to a closed meeting's signed sheet as a new revision the
   * officer's card signs again; see {@link HandSignedScanAfterMeeting#attach}.
   */
  public Path attachHandSignedScan(String interventionId, Path scan, OfficerCredential officer)
      throws EnrollmentException, StoreException {
    try (InterventionStore store = InterventionStore.open(databaseFile)) {
      return new HandSignedScanAfterMeeting(store, clock)
          .attach(interventionId, scan, officer, timestamps);
    }
  }

  /**
   * The officer's card signs the produced sheet, and the meeting closes and is sealed: past its
   * request a meeting needs neither the holder's card nor a PIN.
   *
   * @param listener told of each step
   * @throws EnrollmentException if the meeting is not open at its sheet, or the signature fails
   */
  public EnrollmentOutcome close(
      String interventionId,
      KeyType keyType,
      Path outputDirectory,
      EnrollmentListener listener,
      OfficerCredential officer)
      throws EnrollmentException, StoreException {
    return resume(interventionId, signingRequest(keyType, outputDirectory, listener), officer);
  }

  /**
   * The service on a database the caller keeps open (a batch of meetings, one after another).
   *
   * @throws EnrollmentException if the certificate authority's document catalogue in the data
   *     folder is broken (it is never silently replaced by the station's own)
   */
  public EnrollmentService on(InterventionStore store, OfficerCredential officer)
      throws EnrollmentException {
    return new EnrollmentService(store, sheetRenderer, clock, officer, timestamps)
        .judgingBy(catalogue());
  }

  private EnrollmentService untilSheet(InterventionStore store, OfficerCredential officer)
      throws EnrollmentException {
    return EnrollmentService.untilSheet(store, sheetRenderer, clock, officer)
        .judgingBy(catalogue());
  }

  // The catalogue of the station's data folder: the certificate authority's when it gave one.
  private DocumentCatalogue catalogue() throws EnrollmentException {
    try {
      return DocumentCatalogue.besideDatabase(databaseFile);
    } catch (CatalogueException e) {
      throw new EnrollmentException(e.getMessage(), null, e);
    }
  }

  private static EnrollmentRequest signingRequest(
      KeyType keyType, Path outputDirectory, EnrollmentListener listener) {
    TokenConnector noCard =
        () -> {
          throw new TokenException("the holder's token is not needed to sign the sheet");
        };
    return new EnrollmentRequest(
        null,
        noCard,
        () -> {
          throw new PinUnavailableException("the holder's PIN is not needed to sign the sheet");
        },
        CardSetup.none(),
        keyType,
        outputDirectory,
        listener);
  }
}
