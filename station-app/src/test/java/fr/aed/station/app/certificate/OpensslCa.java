package fr.aed.station.app.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.qualified.QCStatement;

/**
 * A test certificate authority made with the {@code openssl} command line, not with the station's
 * code: its key and certificate, and the certificates it issues from a request, as a real authority
 * running OpenSSL would.
 *
 * @param folder where its files are
 * @param key its private key (PEM)
 * @param certificate its certificate (PEM)
 */
public record OpensslCa(Path folder, Path key, Path certificate) {

  /** The product's qualified-certificate statements: QcCompliance, QcSSCD, QcType esign. */
  public static final String QC_STATEMENTS = qcStatements();

  /** A new authority named {@code name} in {@code folder}. */
  public static OpensslCa create(Path folder, String name)
      throws IOException, InterruptedException {
    Files.createDirectories(folder);
    Path key = folder.resolve("ca.key");
    Path certificate = folder.resolve("ca.pem");
    openssl(
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        certificate.toString(),
        "-subj",
        "/C=FR/O=Autorite de test/CN=" + name,
        "-days",
        "3650",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign,cRLSign");
    return new OpensslCa(folder, key, certificate);
  }

  /**
   * Issues a certificate from the request in {@code csr} for {@code days} days, with {@code
   * extensions} (lines of an OpenSSL extension section), into {@code out}.
   */
  public Path issue(Path csr, int days, List<String> extensions, Path out)
      throws IOException, InterruptedException {
    Path config = Files.createTempFile(folder, "ext", ".cnf");
    Files.writeString(config, "[v3]\n" + String.join("\n", extensions) + "\n");
    openssl(
        "x509",
        "-req",
        "-in",
        csr.toString(),
        "-CA",
        certificate.toString(),
        "-CAkey",
        key.toString(),
        "-CAcreateserial",
        "-days",
        Integer.toString(days),
        "-sha256",
        "-copy_extensions",
        "copy",
        "-extfile",
        config.toString(),
        "-extensions",
        "v3",
        "-out",
        out.toString());
    return out;
  }

  /**
   * A certificate for a server key of its own (the CMP server's, to sign its answers, marked
   * id-kp-cmcRA): the key and the certificate in {@code folder}.
   */
  public Path[] serverCertificate(String name) throws IOException, InterruptedException {
    Path key = folder.resolve(name + ".key");
    Path request = folder.resolve(name + ".csr");
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        key.toString(),
        "-out",
        request.toString(),
        "-subj",
        "/C=FR/O=Autorite de test/CN=" + name);
    Path issued =
        issue(
            request,
            365,
            // id-kp-cmcRA: the station trusts only a CMP signer the CA marked as such.
            List.of(
                "basicConstraints=critical,CA:FALSE",
                "keyUsage=critical,digitalSignature",
                "extendedKeyUsage=1.3.6.1.5.5.7.3.28"),
            folder.resolve(name + ".pem"));
    return new Path[] {key, issued};
  }

  /** What the product's certificates carry. */
  public static List<String> productExtensions() {
    return new ArrayList<>(
        List.of(
            "basicConstraints=critical,CA:FALSE",
            "keyUsage=critical,nonRepudiation",
            "subjectKeyIdentifier=hash",
            "authorityKeyIdentifier=keyid",
            "1.3.6.1.5.5.7.1.3=DER:" + QC_STATEMENTS));
  }

  /**
   * Configures the station in {@code data} for this authority: its certificates beside the database
   * and, when {@code cmpUrl} is given, its CMP server with a shared secret.
   */
  public void configure(Path data, String cmpUrl) throws IOException {
    configure(data, cmpUrl, "shared-secret");
  }

  /**
   * Configures the station in {@code data} for this authority's CMP server at {@code cmpUrl}, its
   * messages protected as {@code protection} says (shared-secret or officer-signature).
   */
  public void configure(Path data, String cmpUrl, String protection) throws IOException {
    Files.copy(
        certificate,
        data.resolve("authority-certificates.pem"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String cmp =
        cmpUrl == null
            ? ""
            : ",\"cmp\":{\"url\":\""
                + cmpUrl
                + "\",\"protection\":\""
                + protection
                + "\",\"reference\":\"station-test\","
                + "\"timeoutSeconds\":20}";
    Path file =
        Files.writeString(
            data.resolve("certificate-authority.json"),
            "{\"name\":\"Autorité de test\",\"certificates\":\"authority-certificates.pem\""
                + cmp
                + "}",
            StandardCharsets.UTF_8);
    // the data folder is the officer's alone: the station warns of any file others can read
    for (Path written : List.of(file, data.resolve("authority-certificates.pem"))) {
      Files.setPosixFilePermissions(
          written, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    }
  }

  /** Runs openssl and fails the test, with its output, unless it succeeds. */
  public static String openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("openssl is needed: run ./scripts/install-test-packages", e);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
    return output;
  }

  private static String qcStatements() {
    try {
      byte[] der =
          new DERSequence(
                  new ASN1Encodable[] {
                    new QCStatement(new ASN1ObjectIdentifier("0.4.0.1862.1.1")),
                    new QCStatement(new ASN1ObjectIdentifier("0.4.0.1862.1.4")),
                    new QCStatement(
                        new ASN1ObjectIdentifier("0.4.0.1862.1.6"),
                        new DERSequence(new ASN1ObjectIdentifier("0.4.0.1862.1.6.1")))
                  })
              .getEncoded(ASN1Encoding.DER);
      return HexFormat.of().withUpperCase().formatHex(der);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
