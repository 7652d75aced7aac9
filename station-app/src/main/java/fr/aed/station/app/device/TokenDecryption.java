package fr.aed.station.app.device;

import fr.aed.station.crypto.sealing.DeviceDecryption;
import fr.aed.station.crypto.sealing.SealingException;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.security.interfaces.RSAPublicKey;

/** A key-management key in a slot of a token, offered to the crypto module to unwrap data keys. */
public record TokenDecryption(Token token, KeySlot slot, RSAPublicKey publicKey)
    implements DeviceDecryption {

  @Override
  public byte[] rawRsa(byte[] block) throws SealingException {
    try {
      return token.decipher(slot, block);
    } catch (TokenException e) {
      throw new SealingException("the card could not open the data key: " + e.getMessage(), e);
    }
  }
}
