package fr.aed.station.app.sheet;

import fr.aed.station.crypto.pades.SignatureAppearance;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * What the officer's electronic signature shows on the sheet, in French as the sheet is: the
 * officer's name, the date and time, and that the signature is electronic.
 */
public final class OfficerSignatureAppearance {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private OfficerSignatureAppearance() {}

  /**
   * The appearance in the officer's box of the sheet.
   *
   * @return empty when the sheet has no recorded officer's box (a sheet produced before the boxes
   *     were recorded): its signature then stays invisible
   * @throws IOException if the sheet cannot be read
   */
  public static Optional<SignatureAppearance> inOfficerBox(
      byte[] sheet, String officerName, ZonedDateTime signedAt) throws IOException {
    return SignatureAreas.find(sheet, Signer.OFFICER).map(area -> in(area, officerName, signedAt));
  }

  /** The appearance filling {@code area}. */
  public static SignatureAppearance in(SignatureArea area, String officerName, ZonedDateTime at) {
    return new SignatureAppearance(
        area.pageIndex(), area.x(), area.y(), area.width(), area.height(), lines(officerName, at));
  }

  static List<String> lines(String officerName, ZonedDateTime at) {
    return List.of(
        FrenchFormat.text(officerName), "Le " + WHEN.format(at), "Signé électroniquement");
  }
}
