package fr.aed.station.app.domain;

/**
 * The token the key pair was generated on, and the evidence of it, as recorded and printed.
 *
 * @param backend how the station reached the token
 * @param model model name
 * @param serial serial number or unique identifier
 * @param keyAlgorithm the key type, such as rsa2048
 * @param keyGeneratedOnToken how the station knows the key was generated on the token
 * @param publicKeySha256 SHA-256 of the DER SubjectPublicKeyInfo, hex
 * @param csrSha256 SHA-256 of the DER certificate request, hex
 */
public record DeviceRecord(
    String backend,
    String model,
    String serial,
    String keyAlgorithm,
    String keyGeneratedOnToken,
    String publicKeySha256,
    String csrSha256) {}
