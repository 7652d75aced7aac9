package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.pades.PadesSigner;
import fr.aed.station.crypto.pades.SheetSigningException;
import fr.aed.station.crypto.pades.SignatureDetails;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZonedDateTime;

/** The officer's PAdES signature on the sheet, made on the officer's token. */
final class SheetSignature {

  private SheetSignature() {}

  /**
   * Signs the sheet file in place: the signed file replaces the unsigned one only once whole.
   *
   * @return the signed PDF
   * @throws DeviceSigningException if the officer's token cannot sign (pulled, PIN...)
   * @throws SheetSigningException if the sheet cannot be signed
   * @throws IOException if the sheet cannot be read or written
   */
  static byte[] sign(Path sheet, OfficerCredential officer, Enrollment enrollment, Clock clock)
      throws DeviceSigningException, SheetSigningException, IOException {
    byte[] signed =
        new PadesSigner()
            .sign(
                Files.readAllBytes(sheet),
                officer.key(),
                officer.chain(),
                new SignatureDetails(
                    enrollment.meeting().officer().name(),
                    "Fiche de rendez-vous en face à face, dossier " + enrollment.dossier().id(),
                    enrollment.meeting().place(),
                    ZonedDateTime.now(clock)));
    OutputFiles.write(sheet.getParent(), sheet.getFileName().toString(), signed);
    return signed;
  }
}
