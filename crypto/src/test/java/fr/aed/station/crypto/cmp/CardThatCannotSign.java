package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.SoftwareDeviceKey;
import java.security.GeneralSecurityException;
import java.security.PublicKey;

/** An officer's card pulled out before it signs: it knows its public key, and signs nothing. */
final class CardThatCannotSign implements DeviceKey {

  private final PublicKey publicKey;

  CardThatCannotSign() throws GeneralSecurityException {
    publicKey = SoftwareDeviceKey.ec("secp256r1").publicKey();
  }

  @Override
  public PublicKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] signSha256(byte[] data) throws DeviceSigningException {
    throw new DeviceSigningException("card removed", null);
  }
}
