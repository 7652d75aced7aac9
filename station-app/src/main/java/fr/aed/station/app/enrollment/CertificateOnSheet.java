package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.dossier.DossierFileException;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.CertificateSheetRevision;
import fr.aed.station.app.sheet.OfficerSignatureAppearance;
import fr.aed.station.app.sheet.SheetAttachment;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.SheetRecords;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.Pem;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.SignatureDetails;
import fr.aed.station.crypto.pades.TimestampException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The certificate installed on the holder's card, carried by the meeting's sheet: a new revision
 * with the certificate embedded and a page saying what it is and its fingerprint, signed by the
 * officer, journaled, the record's sheet digest updated. The earlier signatures stay over their
 * revisions.
 */
public final class CertificateOnSheet {

  /** The journal event of the sheet's revision that carries the certificate. */
  public static final String EVENT = SheetRecords.CERTIFICATE_ADDED;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

  private final InterventionStore store;
  private final Clock clock;

  public CertificateOnSheet(InterventionStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Adds the certificate to the recorded sheet and has the officer sign the revision.
   *
   * @param cardSerial the card the certificate is on
   * @return the sheet, rewritten
   * @throws EnrollmentException if the sheet on disk is not the recorded one, or the officer's card
   *     cannot sign: nothing is written or recorded then
   */
  public Path add(
      String interventionId,
      X509Certificate certificate,
      String cardSerial,
      OfficerCredential officer)
      throws EnrollmentException, StoreException {
    InterventionState state = store.state(interventionId).orElseThrow();
    try {
      Path sheet = Path.of(state.sheetPath());
      String sha256 = Fingerprints.sha256Hex(certificate.getEncoded());
      ZonedDateTime now = ZonedDateTime.now(clock);
      CertificateSheetRevision.Revision revision =
          CertificateSheetRevision.append(
              RecordedSheet.read(state),
              new SheetAttachment(
                  interventionId + "-certificate.pem",
                  "application/x-pem-file",
                  "Certificat installé sur la carte du titulaire",
                  Pem.of(certificate).getBytes(StandardCharsets.US_ASCII)),
              lines(certificate, sha256, cardSerial, now),
              now);
      Enrollment enrollment =
          EnrollmentFile.parseBeforeProofing(interventionId, state.enrollmentJson());
      byte[] signed = sign(revision, officer, enrollment, now);
      OutputFiles.write(sheet.getParent(), sheet.getFileName().toString(), signed);
      String sheetSha256 = Fingerprints.sha256Hex(signed);
      store.recordSheetRevision(
          interventionId,
          EVENT,
          Map.of("certificateSha256", sha256, "sheetSha256", sheetSha256),
          sheetSha256,
          clock.instant());
      return sheet;
    } catch (IOException
        | IllegalArgumentException
        | DossierFileException
        | java.security.cert.CertificateEncodingException e) {
      throw new EnrollmentException(
          "the sheet does not carry the certificate: " + e.getMessage(), interventionId, e);
    } catch (DeviceSigningException | SheetSigningException | TimestampException e) {
      throw new EnrollmentException(
          "the sheet does not carry the certificate, the officer's card did not sign: "
              + e.getMessage(),
          interventionId,
          e);
    }
  }

  private static List<String> lines(
      X509Certificate certificate, String sha256, String cardSerial, ZonedDateTime now) {
    return List.of(
        "Certificat installé sur la carte du titulaire",
        "Titulaire du certificat : " + readable(certificate.getSubjectX500Principal()),
        "Émis par : " + readable(certificate.getIssuerX500Principal()),
        "Valable du "
            + DAY.format(certificate.getNotBefore().toInstant())
            + " au "
            + DAY.format(certificate.getNotAfter().toInstant()),
        "Empreinte SHA-256 : " + sha256,
        "Carte n° " + cardSerial + ", emplacement de signature ; signature d'essai vérifiée",
        "Accepté par le titulaire et installé le " + DAY.format(now.toInstant()),
        "Le certificat est joint à cette fiche (fichier PEM).");
  }

  // Every attribute by its name and text, not RFC 2253's hex for those it does not name.
  private static String readable(javax.security.auth.x500.X500Principal name) {
    return org.bouncycastle.asn1.x500.X500Name.getInstance(
            org.bouncycastle.asn1.x500.style.BCStyle.INSTANCE, name.getEncoded())
        .toString();
  }

  private static byte[] sign(
      CertificateSheetRevision.Revision revision,
      OfficerCredential officer,
      Enrollment enrollment,
      ZonedDateTime now)
      throws DeviceSigningException, SheetSigningException, TimestampException {
    String name = enrollment.meeting().officer().name();
    return new PadesSigner()
        .sign(
            revision.pdf(),
            officer.key(),
            officer.chain(),
            new SignatureDetails(
                name,
                "Certificat installé sur la carte du titulaire, dossier "
                    + enrollment.dossier().id(),
                enrollment.meeting().place(),
                now),
            Optional.empty(),
            Optional.of(OfficerSignatureAppearance.in(revision.officerArea(), name, now)));
  }
}
