package fr.aed.station.token;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes a self-signed certificate with the JDK's keytool, Bouncy Castle being absent here. */
public final class TestCertificates {

  private static final String PASSWORD = "changeit";

  private TestCertificates() {}

  public static X509Certificate selfSigned() throws Exception {
    Path directory = Files.createTempDirectory("piv-test-certificate");
    Path keystore = directory.resolve("test.p12");
    try {
      Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
      Process process =
          new ProcessBuilder(
                  List.of(
                      keytool.toString(),
                      "-genkeypair",
                      "-alias",
                      "holder",
                      "-keyalg",
                      "EC",
                      "-groupname",
                      "secp256r1",
                      "-dname",
                      "CN=Test Holder, O=AED, C=FR",
                      "-validity",
                      "30",
                      "-storetype",
                      "PKCS12",
                      "-keystore",
                      keystore.toString(),
                      "-storepass",
                      PASSWORD))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keystore)) {
        store.load(in, PASSWORD.toCharArray());
      }
      return (X509Certificate) store.getCertificate("holder");
    } finally {
      Files.deleteIfExists(keystore);
      Files.deleteIfExists(directory);
    }
  }
}
