package fr.aed.station.app.officer;

import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.crypto.Pem;
import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

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
      PrivateFiles.write(file, Pem.of(certificate).getBytes(StandardCharsets.US_ASCII));
    } catch (IOException | IllegalArgumentException e) {
      throw new TokenException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
