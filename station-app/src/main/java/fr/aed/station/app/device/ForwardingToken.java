package fr.aed.station.app.device;

import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.ManagementKeyOutcome;
import fr.aed.station.token.PinStatus;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/** A token that hands every operation to another; subclasses change only what they wrap. */
public abstract class ForwardingToken implements Token {

  private final Token token;

  protected ForwardingToken(Token token) {
    this.token = token;
  }

  @Override
  public TokenDescription describe() throws TokenException {
    return token.describe();
  }

  @Override
  public PinStatus pinStatus() throws TokenException {
    return token.pinStatus();
  }

  @Override
  public void verifyPin(char[] pin) throws TokenException {
    token.verifyPin(pin);
  }

  @Override
  public PublicKey generateKeyPair(KeySlot slot, KeyType type) throws TokenException {
    return token.generateKeyPair(slot, type);
  }

  @Override
  public byte[] signSha256(KeySlot slot, byte[] data) throws TokenException {
    return token.signSha256(slot, data);
  }

  @Override
  public byte[] signSha256(KeySlot slot, java.security.PublicKey expected, byte[] data)
      throws TokenException {
    return token.signSha256(slot, expected, data);
  }

  @Override
  public byte[] decipher(KeySlot slot, byte[] block) throws TokenException {
    return token.decipher(slot, block);
  }

  @Override
  public Optional<X509Certificate> readCertificate(KeySlot slot) throws TokenException {
    return token.readCertificate(slot);
  }

  @Override
  public void writeCertificate(KeySlot slot, X509Certificate certificate) throws TokenException {
    token.writeCertificate(slot, certificate);
  }

  @Override
  public KeyEvidence keyEvidence(KeySlot slot) throws TokenException {
    return token.keyEvidence(slot);
  }

  @Override
  public Set<KeyType> supportedKeyTypes() throws TokenException {
    return token.supportedKeyTypes();
  }

  @Override
  public void changePin(char[] currentPin, char[] newPin) throws TokenException {
    token.changePin(currentPin, newPin);
  }

  @Override
  public void unblockPin(char[] puk, char[] newPin) throws TokenException {
    token.unblockPin(puk, newPin);
  }

  @Override
  public ManagementKeyOutcome secureManagementKey() throws TokenException {
    return token.secureManagementKey();
  }

  @Override
  public void close() {
    token.close();
  }
}
