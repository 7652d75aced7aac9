package fr.aed.station.app.enrollment;

import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.OfficerKeyring;
import fr.aed.station.app.store.SealedIdentity;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.sealing.DeviceDecryption;
import fr.aed.station.crypto.sealing.SealedEnvelope;
import fr.aed.station.crypto.sealing.SealingException;
import java.security.cert.X509Certificate;

/**
 * Opens a recorded meeting's sealed identity document with the officer's card: only the card whose
 * key-management certificate the meeting names can.
 */
final class SealedIdentities {

  private final InterventionStore store;
  private final OfficerCredential officer;

  SealedIdentities(InterventionStore store, OfficerCredential officer) {
    this.store = store;
    this.officer = officer;
  }

  /**
   * The recorded enrollment with its identity document's number and MRZ back in.
   *
   * @throws EnrollmentException if no officer's card is given, it is not the one the meeting was
   *     sealed for, or it cannot open it
   */
  String open(InterventionState state) throws EnrollmentException {
    X509Certificate recipient = recipient(state);
    DeviceDecryption card =
        officer == null || officer.keyManagement() == null
            ? null
            : officer.decryption().orElse(null);
    if (card == null || !recipient.equals(officer.keyManagement())) {
      throw new EnrollmentException(
          "the identity document of "
              + state.id()
              + " is sealed for the officer's card "
              + recipient.getSubjectX500Principal().getName()
              + " (certificate SHA-256 "
              + state.identityRecipient().substring(0, 16)
              + "…): resume with that card (--officer)",
          state.id(),
          null);
    }
    try {
      byte[] opened = SealedEnvelope.open(state.identitySealed(), recipient, card);
      return SealedIdentity.merge(state.enrollmentJson(), opened);
    } catch (SealingException e) {
      throw new EnrollmentException(
          "the identity document of " + state.id() + " cannot be opened: " + e.getMessage(),
          state.id(),
          e);
    }
  }

  private X509Certificate recipient(InterventionState state) throws EnrollmentException {
    try {
      return new OfficerKeyring(store)
          .byFingerprint(state.identityRecipient())
          .orElseThrow(
              () ->
                  new EnrollmentException(
                      "the officer's key that sealed "
                          + state.id()
                          + " is not registered in this database",
                      state.id(),
                      null));
    } catch (StoreException e) {
      throw new EnrollmentException(e.getMessage(), state.id(), e);
    }
  }
}
