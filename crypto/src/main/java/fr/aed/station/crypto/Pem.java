package fr.aed.station.crypto;

import java.io.IOException;
import java.io.StringWriter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** Objects in PEM (RFC 7468), as the station writes them to files and records. */
public final class Pem {

  private Pem() {}

  /**
   * {@code objects} in PEM, one block each, in order: certificates, certification requests, or
   * anything Bouncy Castle's PEM writer encodes.
   *
   * @throws IllegalArgumentException if an object cannot be encoded
   */
  public static String of(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        pem.writeObject(object);
      }
    } catch (IOException e) {
      // Writing to memory fails only on an object the writer cannot encode.
      throw new IllegalArgumentException("cannot encode in PEM: " + e.getMessage(), e);
    }
    return out.toString();
  }
}
