package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.app.sheet.OfficerSignatureAppearance;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.SignatureDetails;
import fr.aed.station.crypto.pades.TimestampAuthority;
import fr.aed.station.crypto.pades.TimestampException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The officer's PAdES signature on the sheet, made on the officer's token: baseline B, or B-T with
 * a timestamp when a timestamp authority is configured; shown in the officer's box of the sheet.
 */
final class SheetSignature {

  private SheetSignature() {}

  /**
   * Signs the sheet file in place: the signed file replaces the unsigned one only once whole.
   *
   * @return the signed PDF
   * @throws DeviceSigningException if the officer's token cannot sign (pulled, PIN...)
   * @throws SheetSigningException if the sheet cannot be signed
   * @throws TimestampException if a timestamp authority is configured and gives no timestamp
   * @throws IOException if the sheet cannot be read or written
   */
  static byte[] sign(
      Path sheet,
      OfficerCredential officer,
      Optional<TimestampAuthority> timestamps,
      Enrollment enrollment,
      Clock clock)
      throws DeviceSigningException, SheetSigningException, TimestampException, IOException {
    byte[] unsigned = Files.readAllBytes(sheet);
    String officerName = enrollment.meeting().officer().name();
    ZonedDateTime now = ZonedDateTime.now(clock);
    byte[] signed =
        new PadesSigner()
            .sign(
                unsigned,
                officer.key(),
                officer.chain(),
                new SignatureDetails(
                    officerName,
                    "Fiche de rendez-vous en face à face, dossier " + enrollment.dossier().id(),
                    enrollment.meeting().place(),
                    now),
                timestamps,
                OfficerSignatureAppearance.inOfficerBox(unsigned, officerName, now));
    OutputFiles.write(sheet.getParent(), sheet.getFileName().toString(), signed);
    return signed;
  }
}
