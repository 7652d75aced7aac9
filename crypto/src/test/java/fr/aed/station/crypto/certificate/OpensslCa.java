package fr.aed.station.crypto.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.RequestSubject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A certificate authority made and run with the openssl command line in a directory, so that the
 * certificates the tests check are made by a real CA tool, not by the code under test. Its
 * certificate is valid from 2019 to 2039 so that certificates dated in the past chain to it.
 */
final class OpensslCa {

  /** The holder's e-mail, as the tests' requests carry it. */
  static final String HOLDER_EMAIL = "elodie@example.fr";

  /**
   * keyUsage, end entity, the holder's e-mail and the three QcStatements of a qualified signature
   * certificate.
   */
  static final String QUALIFIED =
      """
      subjectAltName=email:elodie@example.fr
      keyUsage=critical,nonRepudiation
      basicConstraints=critical,CA:false
      1.3.6.1.5.5.7.1.3=ASN1:SEQUENCE:qcStatements
      [qcStatements]
      compliance=SEQUENCE:compliance
      sscd=SEQUENCE:sscd
      type=SEQUENCE:qcType
      [compliance]
      id=OID:0.4.0.1862.1.1
      [sscd]
      id=OID:0.4.0.1862.1.4
      [qcType]
      id=OID:0.4.0.1862.1.6
      types=SEQUENCE:qcTypes
      [qcTypes]
      esign=OID:0.4.0.1862.1.6.1
      """;

  static final String CA_EXTENSIONS =
      "basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n";

  private final Path dir;
  private final String name;
  private int serial = 100;

  private OpensslCa(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  /** A self-signed root CA named {@code name} in its own directory under {@code parent}. */
  static OpensslCa root(Path parent, String name) throws IOException {
    return root(parent, name, CA_EXTENSIONS);
  }

  /** A self-signed root CA with {@code extensions} (an extension file's text). */
  static OpensslCa root(Path parent, String name, String extensions) throws IOException {
    OpensslCa ca = prepared(parent, name);
    ca.newKeyAndRequest("ca", "/C=FR/O=AED Test/CN=" + name);
    ca.write("ca-ext.cnf", extensions);
    ca.openssl(
        "ca",
        "-config",
        "ca.cnf",
        "-batch",
        "-notext",
        "-selfsign",
        "-keyfile",
        "ca.key",
        "-in",
        "ca.csr",
        "-out",
        "ca.pem",
        "-startdate",
        "20190101000000Z",
        "-enddate",
        "20390101000000Z",
        "-extfile",
        "ca-ext.cnf",
        "-preserveDN");
    return ca;
  }

  /** An intermediate CA named {@code name}, issued by this one. */
  OpensslCa intermediate(String name) throws IOException {
    return subordinate(name, CA_EXTENSIONS, "20190601000000Z", "20380101000000Z");
  }

  /**
   * A certificate named {@code name} issued by this CA with {@code extensions}, valid from {@code
   * start} to {@code end} (openssl's YYYYMMDDHHMMSSZ), that can itself issue with openssl: an
   * intermediate CA, or with CA:false an end entity that signs anyway.
   */
  OpensslCa subordinate(String name, String extensions, String start, String end)
      throws IOException {
    OpensslCa ca = prepared(dir, name);
    ca.newKeyAndRequest("ca", "/C=FR/O=AED Test/CN=" + name);
    ca.write("ca-ext.cnf", extensions);
    openssl(
        "ca",
        "-config",
        "ca.cnf",
        "-batch",
        "-notext",
        "-cert",
        "ca.pem",
        "-keyfile",
        "ca.key",
        "-in",
        ca.dir.resolve("ca.csr").toString(),
        "-out",
        ca.dir.resolve("ca.pem").toString(),
        "-startdate",
        start,
        "-enddate",
        end,
        "-extfile",
        ca.dir.resolve("ca-ext.cnf").toString(),
        "-preserveDN");
    return ca;
  }

  /** The CA's certificate file, PEM. */
  Path certificateFile() {
    return dir.resolve("ca.pem");
  }

  X509Certificate certificate() throws Exception {
    return CertificateFiles.read(certificateFile()).get(0);
  }

  /**
   * Issues a certificate for {@code request} with {@code openssl x509 -req}, which copies the
   * request's subject as it is.
   *
   * @param extensions the extension file's text
   * @param options more options, such as {@code -days 730} or {@code -sha1}
   * @return the certificate file, PEM
   */
  Path issue(Path request, String extensions, String... options) throws IOException {
    int number = ++serial;
    Path extFile = write("ext-" + number + ".cnf", extensions);
    Path out = dir.resolve("issued-" + number + ".pem");
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "x509",
                "-req",
                "-in",
                request.toString(),
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-set_serial",
                String.valueOf(number),
                "-extfile",
                extFile.toString(),
                "-out",
                out.toString()));
    arguments.addAll(List.of(options));
    if (!arguments.contains("-days")) {
      arguments.addAll(List.of("-days", "365"));
    }
    openssl(arguments.toArray(String[]::new));
    return out;
  }

  /**
   * Issues a certificate with {@code openssl ca}, which can set the dates and rewrite the subject
   * ({@code -subj} with {@code -utf8}).
   *
   * @param stringMask how openssl encodes a subject it writes: utf8only, or pkix for
   *     PrintableString and BMPString
   * @param options such as {@code -startdate 20200101000000Z -enddate 20210101000000Z}, {@code
   *     -subj ...}
   */
  Path issueWithCaCommand(Path request, String extensions, String stringMask, String... options)
      throws IOException {
    int number = ++serial;
    Path extFile = write("ext-" + number + ".cnf", extensions);
    Path out = dir.resolve("issued-" + number + ".pem");
    write("ca.cnf", config(stringMask));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "ca",
                "-config",
                "ca.cnf",
                "-batch",
                "-notext",
                "-utf8",
                "-preserveDN",
                "-cert",
                "ca.pem",
                "-keyfile",
                "ca.key",
                "-in",
                request.toString(),
                "-out",
                out.toString(),
                "-extfile",
                extFile.toString()));
    arguments.addAll(List.of(options));
    openssl(arguments.toArray(String[]::new));
    return out;
  }

  /** A holder's request, made in Java as the station makes it, written in PEM. */
  static Path request(Path dir, String file, RequestSubject subject, SoftwareDeviceKey key)
      throws Exception {
    Path out = dir.resolve(file);
    String pem =
        CertificateRequestFactory.toPem(new CertificateRequestFactory().build(subject, key));
    Files.writeString(out, pem, StandardCharsets.US_ASCII);
    return out;
  }

  /** {@code levels} indefinite-length SEQUENCEs, each inside the previous one (BER). */
  static byte[] nestedSequences(int levels) {
    byte[] encoding = new byte[4 * levels];
    for (int level = 0; level < levels; level++) {
      encoding[2 * level] = 0x30;
      encoding[2 * level + 1] = (byte) 0x80;
    }
    return encoding; // the second half is the end-of-contents octets, zeros
  }

  /** Runs openssl in this CA's directory; fails the test with its output if it fails. */
  byte[] openssl(String... arguments) throws IOException {
    return run(dir, arguments);
  }

  /** Runs openssl in {@code dir}; fails the test if openssl is missing or fails. */
  static byte[] run(Path dir, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError(
          "these tests need the openssl command line to make real certificates: install openssl",
          e);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    try {
      assertEquals(
          0,
          process.waitFor(),
          String.join(" ", command) + "\n" + output.toString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while openssl ran", e);
    }
    return output.toByteArray();
  }

  private static OpensslCa prepared(Path parent, String name) throws IOException {
    Path dir = Files.createDirectories(parent.resolve(name.replaceAll("[^A-Za-z0-9]", "-")));
    Files.createDirectories(dir.resolve("newcerts"));
    Files.writeString(dir.resolve("index.txt"), "");
    Files.writeString(dir.resolve("serial.txt"), "1000\n");
    OpensslCa ca = new OpensslCa(dir, name);
    ca.write("ca.cnf", config("utf8only"));
    return ca;
  }

  private void newKeyAndRequest(String base, String subject) throws IOException {
    openssl(
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
        "-keyout",
        base + ".key",
        "-out",
        base + ".csr",
        "-subj",
        subject);
  }

  private static String config(String stringMask) {
    return """
        [ca]
        default_ca=test_ca
        [test_ca]
        database=index.txt
        new_certs_dir=newcerts
        serial=serial.txt
        default_md=sha256
        default_days=365
        policy=any_subject
        unique_subject=no
        email_in_dn=no
        string_mask=%s
        [any_subject]
        countryName=optional
        organizationName=optional
        organizationalUnitName=optional
        commonName=optional
        givenName=optional
        surname=optional
        serialNumber=optional
        organizationIdentifier=optional
        pseudonym=optional
        """
        .formatted(stringMask);
  }

  private Path write(String file, String text) throws IOException {
    return Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return name;
  }
}
