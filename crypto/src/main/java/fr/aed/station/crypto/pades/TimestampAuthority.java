package fr.aed.station.crypto.pades;

/**
 * A time-stamping authority (RFC 3161) that vouches that a value existed at a given time. A PAdES
 * baseline B-T signature carries such a token over its signature value.
 */
public interface TimestampAuthority {

  /**
   * Asks for a timestamp token over a SHA-256 message imprint.
   *
   * @param messageImprintSha256 the SHA-256 digest of the timestamped data, 32 bytes
   * @return the DER of the TimeStampToken (a CMS ContentInfo), which covers this imprint
   * @throws TimestampException if the authority cannot be reached, does not answer in time, refuses
   *     the request or answers with a token that is not for this request
   * @throws IllegalArgumentException if the imprint is not 32 bytes long
   */
  byte[] timestamp(byte[] messageImprintSha256) throws TimestampException;
}
