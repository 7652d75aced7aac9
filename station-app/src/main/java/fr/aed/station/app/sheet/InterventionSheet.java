package fr.aed.station.app.sheet;

import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.DeviceRecord;
import fr.aed.station.app.domain.Enrollment;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * The content of the face-to-face intervention sheet.
 *
 * @param sheetId the sheet's unique identifier, printed in its header
 * @param enrollment the dossier and what the officer recorded
 * @param device the token, the key and the request
 * @param requestSubject the certificate request's subject, as an RFC 4514 string
 * @param producedAt when the sheet was produced
 */
public record InterventionSheet(
    String sheetId,
    Enrollment enrollment,
    DeviceRecord device,
    String requestSubject,
    ZonedDateTime producedAt,
    DocumentCatalogue catalogue,
    Map<String, String> drawProvenance) {

  public InterventionSheet {
    drawProvenance = Map.copyOf(drawProvenance);
  }

  /** A sheet whose proofing the station's own document catalogue judged. */
  public InterventionSheet(
      String sheetId,
      Enrollment enrollment,
      DeviceRecord device,
      String requestSubject,
      ZonedDateTime producedAt) {
    this(
        sheetId,
        enrollment,
        device,
        requestSubject,
        producedAt,
        DocumentCatalogue.builtIn(),
        Map.of());
  }
}
