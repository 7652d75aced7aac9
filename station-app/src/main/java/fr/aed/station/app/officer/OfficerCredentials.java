package fr.aed.station.app.officer;

import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.device.TokenDeviceKey;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;

/** Opens the officer's credential named by an {@code --officer} specification. */
public final class OfficerCredentials {

  private OfficerCredentials() {}

  /**
   * Opens the credential: {@code demo} for the demonstration officer card, {@code pcsc:<reader name
   * part>} for the officer's card, whose signature slot holds the key and its certificate (and
   * whose key-management slot, when it holds an RSA key and its certificate, opens sealed
   * identities); the demonstration card is kept in {@code demoFolder}.
   *
   * @throws IllegalArgumentException if the specification is of neither form
   * @throws TokenException if the card cannot be opened, refuses the PIN, or holds no certificate
   * @throws PinUnavailableException if no PIN could be read for a real card
   */
  public static OfficerCredential open(String spec, Officer officer, PinSource pin, Path demoFolder)
      throws TokenException, PinUnavailableException {
    if (spec.equals("demo")) {
      return DemoOfficerCard.open(demoFolder, officer);
    }
    if (!spec.startsWith("pcsc:")) {
      throw new IllegalArgumentException(
          "unknown officer credential '" + spec + "': use demo or pcsc:<reader name part>");
    }
    Token card = TokenConnectors.fromSpec(spec).connect();
    try {
      X509Certificate certificate =
          card.readCertificate(KeySlot.SIGNATURE)
              .orElseThrow(
                  () ->
                      new TokenException(
                          "the officer's card holds no certificate in its signature slot"));
      char[] code = pin.read();
      try {
        card.verifyPin(code);
      } finally {
        Arrays.fill(code, '\0');
      }
      TokenDeviceKey key = new TokenDeviceKey(card, KeySlot.SIGNATURE, certificate.getPublicKey());
      X509Certificate keyManagement = card.readCertificate(KeySlot.KEY_MANAGEMENT).orElse(null);
      return new OfficerCredential(key, List.of(certificate), false, card, keyManagement);
    } catch (TokenException | PinUnavailableException | RuntimeException e) {
      card.close();
      throw e;
    }
  }
}
