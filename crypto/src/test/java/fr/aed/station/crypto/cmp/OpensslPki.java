package fr.aed.station.crypto.cmp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.crypto.Pem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A test certificate authority made with openssl commands in a folder: its key and self-signed
 * certificate, and a CMP server certificate it issued (marked id-kp-cmcRA), for the mock server's
 * signed answers.
 */
final class OpensslPki {

  static final String CA_SUBJECT = "/CN=AED Test CA/O=Atelier Lumiere SAS/C=FR";

  private final Path dir;

  private OpensslPki(Path dir) {
    this.dir = dir;
  }

  /** Makes the authority (ca.key, ca.pem) and its CMP server's key and certificate (srv.*). */
  static OpensslPki create(Path dir) throws Exception {
    OpensslPki pki = new OpensslPki(dir);
    pki.openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-subj",
        CA_SUBJECT,
        "-days",
        "30");
    // id-kp-cmcRA: the CA marks the certificate its CMP server signs answers with.
    pki.endEntity("srv", "extendedKeyUsage=1.3.6.1.5.5.7.3.28\n");
    return pki;
  }

  /**
   * Makes a key ({@code name}.key) and a certificate the authority issues for it ({@code
   * name}.pem), with {@code extensions} (extension file lines) added to an end entity's.
   */
  void endEntity(String name, String extensions) throws Exception {
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        name + ".key",
        "-out",
        name + ".csr",
        "-subj",
        "/CN=AED Test " + name + "/C=FR");
    signRequest(name, extensions);
  }

  /** The certificate the authority issues from the request, written to {@code name}.pem. */
  X509Certificate issue(PKCS10CertificationRequest request, String name) throws Exception {
    Files.writeString(dir.resolve(name + ".csr"), Pem.of(request));
    signRequest(name, "");
    return certificate(name + ".pem");
  }

  X509Certificate certificate(String file) throws Exception {
    try (InputStream in = Files.newInputStream(dir.resolve(file))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  private void signRequest(String name, String extensions) throws Exception {
    // Without extensions openssl makes a version 1 certificate, which CMP does not carry.
    Files.writeString(
        dir.resolve("leaf.cnf"),
        "basicConstraints=critical,CA:FALSE\n"
            + "keyUsage=critical,digitalSignature,nonRepudiation\n"
            + "subjectKeyIdentifier=hash\n"
            + "authorityKeyIdentifier=keyid\n"
            + extensions);
    openssl(
        "x509",
        "-req",
        "-in",
        name + ".csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "365",
        "-copy_extensions",
        "copy",
        "-extfile",
        "leaf.cnf",
        "-out",
        name + ".pem");
  }

  /** Runs openssl in the folder; fails the test with its output if it fails or is missing. */
  String openssl(String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(executable()));
    command.addAll(List.of(arguments));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
    return output;
  }

  /** The openssl command, after checking it runs; an AssertionError (not a skip) if not. */
  static String executable() {
    try {
      Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
      process.getInputStream().readAllBytes();
      process.waitFor();
      return "openssl";
    } catch (IOException e) {
      throw new AssertionError("openssl is needed on the PATH for this test: install openssl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while looking for openssl", e);
    }
  }
}
