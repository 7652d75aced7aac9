package fr.aed.station.app.certificate;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.MeetingJournal;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.certificate.CertificateExpectations;
import fr.aed.station.crypto.certificate.CertificateProfile;
import fr.aed.station.crypto.certificate.CertificateVerdict;
import fr.aed.station.crypto.certificate.IssuedCertificateCheck;
import fr.aed.station.crypto.profile.RequestProfile;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A meeting whose sheet the officer signed, as recorded: its request, its dossier and where its
 * certificate stands. Only such a meeting has a certificate to ask for.
 *
 * @param state the record
 * @param enrollment the dossier and meeting, as recorded
 * @param request the recorded request
 * @param recordedKey the request's key, generated on the holder's card
 * @param progress where the certificate stands, from the meeting's journal
 */
record ClosedMeeting(
    InterventionState state,
    Enrollment enrollment,
    PKCS10CertificationRequest request,
    PublicKey recordedKey,
    CertificateProgress progress) {

  /**
   * Reads the meeting back.
   *
   * @throws CertificateException if there is no such meeting or it is not closed
   */
  static ClosedMeeting read(InterventionStore store, String interventionId)
      throws CertificateException, StoreException {
    InterventionState state =
        store
            .state(interventionId)
            .orElseThrow(
                () ->
                    new CertificateException(
                        "no intervention " + interventionId + ": see `station list`"));
    if (state.step() != Step.CLOSED || state.csrPem() == null) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + " is "
              + state.status()
              + " at "
              + state.step()
              + ": a certificate is asked for once the meeting is closed, its sheet signed");
    }
    try {
      PKCS10CertificationRequest request = request(state.csrPem());
      return new ClosedMeeting(
          state,
          EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson()),
          request,
          new JcaPKCS10CertificationRequest(request).getPublicKey(),
          CertificateProgress.of(new MeetingJournal(store, interventionId).entries()));
    } catch (IllegalStateException e) {
      throw new CertificateException(
          "intervention "
              + interventionId
              + ": a certificate entry of its journal cannot be read ("
              + e.getMessage()
              + "): check it with `station journal verify`",
          e);
    } catch (IOException | GeneralSecurityException | DossierFileException e) {
      throw new CertificateException(
          "intervention " + interventionId + ": its record cannot be read: " + e.getMessage(), e);
    }
  }

  /** What the certificate must be, for the authority's certificates. */
  CertificateExpectations expectations(CertificateAuthority authority) {
    return new CertificateExpectations(
        recordedKey,
        request.getSubject(),
        authority.certificates(),
        enrollment.dossier().validityYears(),
        CertificateProfile.of(RequestProfile.load(RequestProfile.PACK_ID_RGS2)),
        CertificateExpectations.altNames(request),
        // The day before the meeting, so that a CA's usual backdating of an hour or so passes.
        enrollment.meeting().heldAt().minusDays(1).atZone(ZoneId.of("Europe/Paris")).toInstant());
  }

  /**
   * The received certificate, with the chain journaled beside it, checked again at {@code now}.
   *
   * @throws CertificateException if no readable certificate was received
   */
  CertificateVerdict recheck(CertificateAuthority authority, Instant now)
      throws CertificateException {
    X509Certificate certificate =
        progress
            .issued()
            .orElseThrow(
                () ->
                    new CertificateException("intervention " + id() + ": no certificate received"));
    List<X509Certificate> received = new ArrayList<>();
    received.add(certificate);
    received.addAll(progress.chain());
    return IssuedCertificateCheck.check(received, expectations(authority), now);
  }

  String id() {
    return state.id();
  }

  private static PKCS10CertificationRequest request(String pem) throws IOException {
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object read = parser.readObject();
      if (read instanceof PKCS10CertificationRequest request) {
        return request;
      }
      throw new IOException("the recorded request is not a PKCS#10 request");
    }
  }
}
