package fr.aed.station.crypto.profile;

/**
 * The key pair about to be generated, as the lint sees it.
 *
 * @param family RSA or EC
 * @param bits modulus size (RSA) or field size (EC)
 * @param curve the curve's NIST name (P-256, P-384) for EC, null for RSA
 */
public record KeySpecification(String family, int bits, String curve) {

  public static KeySpecification rsa(int bits) {
    return new KeySpecification("RSA", bits, null);
  }

  public static KeySpecification ec(String curve, int bits) {
    return new KeySpecification("EC", bits, curve);
  }
}
