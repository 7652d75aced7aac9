package fr.aed.station.app.officer;

import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** The demonstration authority's certificate kept beside the demonstration officer card (PEM). */
final class DemoAuthorityFile {

  private DemoAuthorityFile() {}

  static X509Certificate read(Path file) throws TokenException {
    try (InputStream in = Files.newInputStream(file)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | CertificateException e) {
      throw new TokenException(
          "the demonstration authority's certificate " + file + " cannot be read: delete it", e);
    }
  }

  static void write(Path file, X509Certificate certificate) throws TokenException {
    try {
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(certificate.getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      Files.writeString(file, pem, StandardCharsets.US_ASCII);
    } catch (IOException | CertificateEncodingException e) {
      throw new TokenException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
