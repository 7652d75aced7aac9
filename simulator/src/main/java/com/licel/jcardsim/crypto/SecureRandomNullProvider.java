package com.licel.jcardsim.crypto;

import java.security.SecureRandom;

/**
 * Replaces the class of the same name inside the jCardSim 3.0.6.0 jar, which is never seeded: with
 * it every simulated card in every JVM generates the same key pairs and the ECDSA nonce equals the
 * private key. This one, ahead of the jar on the class path, is a self-seeded {@link SecureRandom}
 * from the platform's default provider. {@code SimulatedCard.insert()} refuses to run when the
 * jar's class wins instead.
 */
class SecureRandomNullProvider extends SecureRandom {

  private static final long serialVersionUID = 1L;

  public SecureRandomNullProvider() {
    super();
  }
}
