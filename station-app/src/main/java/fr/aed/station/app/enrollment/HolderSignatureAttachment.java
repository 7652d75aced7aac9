package fr.aed.station.app.enrollment;

import fr.aed.station.app.sheet.HolderSignatureScan;
import fr.aed.station.app.sheet.ScanFile;
import fr.aed.station.app.sheet.ScanRefusedException;
import fr.aed.station.app.sheet.SheetAttachment;
import fr.aed.station.app.store.InterventionField;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StepRecord;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.Fingerprints;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Attaches the scan of the sheet the holder signed by hand to the recorded sheet, before the
 * officer signs it: the meeting must have produced its sheet and not signed it yet.
 */
public final class HolderSignatureAttachment {

  private final InterventionStore store;
  private final Clock clock;

  public HolderSignatureAttachment(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Attaches the scan, in place of one attached before, and records it (HOLDER_SIGNATURE_ATTACHED).
   * Every check is made before the sheet is written or anything is recorded: a refused scan leaves
   * both as they were.
   *
   * @return the sheet, rewritten with the scan inside
   * @throws EnrollmentException if there is no such open meeting, its sheet is not produced or
   *     already signed, the sheet on disk is not the recorded one, or the scan is refused (see
   *     {@link ScanFile#read} and {@link HolderSignatureScan#prepare})
   */
  public Path attach(String interventionId, Path scan) throws EnrollmentException {
    try {
      InterventionState state = sheetAwaitingSignature(interventionId);
      Path sheet = Path.of(state.sheetPath());
      byte[] recorded = RecordedSheet.read(state);
      byte[] scanned = ScanFile.read(scan);
      SheetAttachment attachment =
          HolderSignatureScan.prepare(scan.getFileName().toString(), scanned);
      byte[] updated = HolderSignatureScan.attach(recorded, attachment, ZonedDateTime.now(clock));
      OutputFiles.write(sheet.getParent(), sheet.getFileName().toString(), updated);
      record(interventionId, scanned, attachment, updated, replaces(state));
      return sheet;
    } catch (ScanRefusedException | IOException | IllegalArgumentException e) {
      throw refused(interventionId, "cannot attach the scan: " + e.getMessage());
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), interventionId, e);
    }
  }

  // Only the step says a scan is in: the holder's scan is the one step between these two.
  private static boolean replaces(InterventionState state) {
    return state.step() == Step.HOLDER_SIGNATURE_ATTACHED;
  }

  private InterventionState sheetAwaitingSignature(String interventionId)
      throws StoreException, EnrollmentException {
    InterventionState state =
        store
            .state(interventionId)
            .orElseThrow(() -> refused(interventionId, "no intervention " + interventionId));
    if (state.step() == Step.SHEET_SIGNED || state.step() == Step.CLOSED) {
      throw refused(
          interventionId,
          "the officer has signed the sheet of intervention "
              + interventionId
              + ": the holder's scan can no longer be attached or replaced");
    }
    if (state.ended() || !state.reached(Step.SHEET_PRODUCED) || state.reached(Step.SHEET_SIGNED)) {
      throw refused(
          interventionId,
          "intervention "
              + interventionId
              + " is "
              + state.status()
              + " at "
              + state.step()
              + ": the scan goes on a produced sheet the officer has not signed yet");
    }
    return state;
  }

  // The scan's file name stays out of the journal: it may name the holder, and the journal outlives
  // the purge of personal data.
  private void record(
      String interventionId,
      byte[] scan,
      SheetAttachment attachment,
      byte[] sheet,
      boolean replaced)
      throws StoreException {
    String sheetSha256 = Fingerprints.sha256Hex(sheet);
    store.record(
        interventionId,
        new StepRecord(
            Step.HOLDER_SIGNATURE_ATTACHED,
            Map.of(
                "scanSha256",
                Fingerprints.sha256Hex(scan),
                "attachedSha256",
                Fingerprints.sha256Hex(attachment.content()),
                "replacesEarlierScan",
                Boolean.toString(replaced),
                "sheetSha256",
                sheetSha256),
            Map.of(InterventionField.SHEET_SHA256, sheetSha256)),
        clock.instant());
  }

  private static EnrollmentException refused(String interventionId, String message) {
    return new EnrollmentException(message, interventionId, null);
  }
}
