package fr.aed.station.crypto.csr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.profile.KeySpecification;
import fr.aed.station.crypto.profile.LintFinding;
import fr.aed.station.crypto.profile.ProfileConformance;
import fr.aed.station.crypto.profile.RequestLint;
import fr.aed.station.crypto.profile.RequestProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fifty real French person and company names (accents, hyphens, apostrophes, Œ and Æ) pass the name
 * policy and come back from openssl byte for byte: what the request carries is what was typed.
 */
class FrenchNamesRoundTripTest {

  private static final String SIRET = "73282932000074";
  private static final String UTF8_STRING = "prim: UTF8STRING";

  private static SoftwareDeviceKey key;

  @TempDir Path dir;

  record Name(String givenName, String surname, String company) {
    @Override
    public String toString() {
      return givenName + " " + surname + " / " + company;
    }
  }

  @BeforeAll
  static void createKey() throws Exception {
    key = SoftwareDeviceKey.ec("secp256r1");
  }

  static List<Name> names() throws IOException {
    try (InputStream in = FrenchNamesRoundTripTest.class.getResourceAsStream("french-names.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.startsWith("#") && !line.isBlank())
          .map(line -> line.split("\t"))
          .map(fields -> new Name(fields[0], fields[1], fields[2]))
          .toList();
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void theNamePassesAndOpensslReadsBackTheSameBytes(Name name) throws Exception {
    RequestSubject subject =
        RequestSubject.forFrenchCompany(
            name.givenName(), name.surname(), name.company(), SIRET, "titulaire@example.fr");
    RequestProfile profile = RequestProfile.load(RequestProfile.PACK_ID_RGS2);
    List<LintFinding> findings =
        new RequestLint(profile)
            .beforeGeneration(subject, SIRET, KeySpecification.ec("P-256", 256), "SHA256withECDSA");
    assertEquals(List.of(), findings);

    PKCS10CertificationRequest request = new CertificateRequestFactory().build(subject, key);
    assertEquals(List.of(), new ProfileConformance(profile).problems(request, key.publicKey()));

    Path pem = dir.resolve("request.pem");
    Files.writeString(pem, CertificateRequestFactory.toPem(request));
    List<byte[]> carried = utf8Strings(openssl("asn1parse", "-in", pem.toString()));
    List<String> expected =
        List.of(
            subject.organization(),
            subject.organizationalUnit(),
            subject.organizationIdentifier(),
            name.surname(),
            name.givenName(),
            name.givenName() + " " + name.surname());
    assertEquals(expected.size(), carried.size(), "UTF8String values in the request");
    for (int i = 0; i < expected.size(); i++) {
      assertArrayEquals(
          expected.get(i).getBytes(StandardCharsets.UTF_8), carried.get(i), expected.get(i));
    }
  }

  // asn1parse prints each string's bytes as they are encoded, after "prim: UTF8STRING   :".
  private static List<byte[]> utf8Strings(byte[] output) {
    List<byte[]> values = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= output.length; i++) {
      if (i == output.length || output[i] == '\n') {
        byte[] line = Arrays.copyOfRange(output, start, i);
        String ascii = new String(line, StandardCharsets.ISO_8859_1);
        int type = ascii.indexOf(UTF8_STRING);
        if (type >= 0) {
          int colon = ascii.indexOf(':', type + UTF8_STRING.length());
          values.add(Arrays.copyOfRange(line, colon + 1, line.length));
        }
        start = i + 1;
      }
    }
    return values;
  }

  private static byte[] openssl(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("openssl"));
    command.addAll(List.of(arguments));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("openssl is needed for this test: install the openssl package", e);
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    process.getInputStream().transferTo(output);
    assertEquals(0, process.waitFor(), output.toString(StandardCharsets.UTF_8));
    return output.toByteArray();
  }
}
