package fr.aed.station.token;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * A cryptographic token held by the certificate holder: a smart card or USB token whose private
 * keys never leave it. Every backend (PIV over PC/SC, PKCS#11) offers the station this one
 * contract.
 *
 * <p>A token is used by one thread at a time. Operations that touch a private key need the holder's
 * PIN to have been verified first in the same session. A token keeps a copy of the verified PIN (as
 * {@code char[]}) until it is closed, and presents it again right before each use of a key whose
 * access rule asks for it every time (PIV "PIN always", PKCS#11 CKA_ALWAYS_AUTHENTICATE).
 */
public interface Token extends AutoCloseable {

  /**
   * Describes the token: model, serial number and backend.
   *
   * @throws TokenException if the token cannot be read (for instance {@link CardRemovedException})
   */
  TokenDescription describe() throws TokenException;

  /**
   * Reads the PIN status without spending a try.
   *
   * @throws TokenException if the token cannot be read
   */
  PinStatus pinStatus() throws TokenException;

  /**
   * Verifies the holder's PIN. The caller wipes {@code pin} afterwards.
   *
   * @throws WrongPinException if the PIN is wrong, with the tries left
   * @throws PinBlockedException if no try is left
   * @throws TokenException on any other failure
   */
  void verifyPin(char[] pin) throws TokenException;

  /**
   * The key types the token can generate, read from the token before anything is asked of the
   * holder (a card's version or metadata, a module's mechanism list).
   *
   * @throws TokenException if the token cannot be read
   */
  Set<KeyType> supportedKeyTypes() throws TokenException;

  /**
   * Replaces the holder's PIN, proving the current one (PIV CHANGE REFERENCE DATA, PKCS#11
   * C_SetPIN). Afterwards the new PIN counts as verified in this session. The caller wipes both.
   *
   * @throws WrongPinException if the current PIN is wrong, with the tries left
   * @throws PinBlockedException if no try is left
   * @throws TokenException if the token refuses the new PIN (its length), or fails
   */
  void changePin(char[] currentPin, char[] newPin) throws TokenException;

  /**
   * Unblocks the holder's PIN with the PUK and sets {@code newPin} (PIV RESET RETRY COUNTER); the
   * new PIN then counts as verified in this session. The caller wipes both.
   *
   * @throws WrongPinException if the PUK is wrong, with the PUK's tries left
   * @throws PinBlockedException if the PUK is blocked too
   * @throws TokenException if the token has no PUK (a PKCS#11 token: its security officer unblocks
   *     it with the maker's tool), or fails
   */
  void unblockPin(char[] puk, char[] newPin) throws TokenException;

  /**
   * Makes sure the card does not leave with its factory management key: replaces it with a random
   * one the card keeps behind the holder's PIN (as Yubico's tools do), where the card can. Needs
   * the PIN verified in this session.
   *
   * @return what the management key is now
   * @throws ManagementKeyRefusedException if the card's current key is not known to the station
   * @throws TokenException if the card fails
   */
  ManagementKeyOutcome secureManagementKey() throws TokenException;

  /**
   * Generates a key pair on the token, in the given slot, replacing any key already there.
   *
   * @return the public key of the new pair
   * @throws UnsupportedKeyTypeException if the token cannot generate this type of key
   * @throws ManagementKeyRefusedException if the card wants a management key the station lacks
   * @throws TokenException on any other failure (PIN not verified, card removed...)
   */
  PublicKey generateKeyPair(KeySlot slot, KeyType type) throws TokenException;

  /**
   * Signs {@code data} with the private key of the slot, with SHA-256: SHA256withRSA (PKCS#1 v1.5)
   * or SHA256withECDSA (DER-encoded), according to the key.
   *
   * @throws TokenException if the slot holds no key, the PIN was not verified, or the card fails
   */
  byte[] signSha256(KeySlot slot, byte[] data) throws TokenException;

  /**
   * Like {@link #signSha256(KeySlot, byte[])}, for a key made in an earlier session whose
   * certificate is not on the token yet: {@code expected} is the key the caller believes the slot
   * holds, which a backend uses only to know the key's type where the token cannot tell it. Nothing
   * is proved by the signature until the caller verifies it with {@code expected}.
   *
   * @throws TokenException if the slot holds no key, the PIN was not verified, or the card fails
   */
  default byte[] signSha256(KeySlot slot, PublicKey expected, byte[] data) throws TokenException {
    return signSha256(slot, data);
  }

  /**
   * Applies the slot's RSA private key to {@code block} without any padding (raw RSA, RFC 8017
   * RSADP), for key management: the caller unwraps a key that was encrypted to the slot's public
   * key (RSA-OAEP, for instance) by decoding the result itself. The input and the result are
   * exactly the modulus length; the result keeps its leading zero bytes. Needs the holder's PIN to
   * have been verified in this session.
   *
   * @param block an integer below the modulus, big-endian, as long as the modulus
   * @return the raw result, big-endian, as long as the modulus
   * @throws LoginRequiredException if the PIN was not verified in this session
   * @throws UnsupportedKeyTypeException if the slot holds an EC key
   * @throws IllegalArgumentException if {@code block} is not as long as the modulus
   * @throws TokenException if the slot holds no key or the token fails
   */
  byte[] decipher(KeySlot slot, byte[] block) throws TokenException;

  /**
   * Reads the certificate stored with the slot's key.
   *
   * @return the certificate, or empty when the slot has none
   * @throws TokenException if the token cannot be read
   */
  Optional<X509Certificate> readCertificate(KeySlot slot) throws TokenException;

  /**
   * Stores a certificate next to the slot's key.
   *
   * @throws TokenException if the token refuses or fails
   */
  void writeCertificate(KeySlot slot, X509Certificate certificate) throws TokenException;

  /**
   * Tells what the token says about the origin of the slot's private key, with the card's
   * attestation of it when the card gives one.
   *
   * @throws AttestationMismatchException if the card's attestation does not vouch for the key
   * @throws LoginRequiredException if reading it needs the PIN and it was not verified
   * @throws TokenException if the slot holds no key or the token cannot be read
   */
  KeyEvidence keyEvidence(KeySlot slot) throws TokenException;

  /** Ends the session with the token; never throws. */
  @Override
  void close();
}
