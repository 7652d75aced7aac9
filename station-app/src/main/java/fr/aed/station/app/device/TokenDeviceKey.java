package fr.aed.station.app.device;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.security.PublicKey;

/** A key in a slot of a token, offered to the crypto module as a device key. */
public record TokenDeviceKey(Token token, KeySlot slot, PublicKey publicKey) implements DeviceKey {

  @Override
  public byte[] signSha256(byte[] data) throws DeviceSigningException {
    try {
      return token.signSha256(slot, data);
    } catch (TokenException e) {
      throw new DeviceSigningException("the token could not sign: " + e.getMessage(), e);
    }
  }
}
