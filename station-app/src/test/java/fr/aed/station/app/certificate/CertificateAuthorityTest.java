package fr.aed.station.app.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The certificate authority's configuration as a hostile or careless file gives it: each mistake
 * refused with what is wrong, before anything is sent.
 */
class CertificateAuthorityTest {

  @TempDir Path dir;
  private Path file;

  @BeforeEach
  void authorityCertificates() throws Exception {
    OpensslCa authority = OpensslCa.create(dir.resolve("ca"), "AC de test");
    Files.copy(authority.certificate(), dir.resolve("authority-certificates.pem"));
    file = dir.resolve(CertificateAuthority.STATION_FILE);
  }

  @Test
  void aConfigurationWithItsCmpServerIsRead() throws Exception {
    Files.writeString(
        file,
        "{\"name\":\"AC\",\"certificates\":\"authority-certificates.pem\",\"cmp\":{\"url\":"
            + "\"https://cmp.example.fr/pkix/\",\"protection\":\"shared-secret\",\"reference\":"
            + "\"station-1\",\"recipient\":\"CN=AC, C=FR\",\"timeoutSeconds\":12}}");

    CertificateAuthority read = CertificateAuthority.forStation(dir.resolve("station.db"));

    assertEquals(1, read.certificates().size());
    CertificateAuthority.CmpSettings cmp = read.cmp().orElseThrow();
    assertEquals(CertificateAuthority.Protection.SHARED_SECRET, cmp.protection());
    assertEquals(Duration.ofSeconds(12), cmp.timeout());
    assertEquals("station-1", cmp.reference());
  }

  @Test
  void noConfigurationIsSaid() {
    CertificateAuthorityException missing =
        assertThrows(
            CertificateAuthorityException.class,
            () -> CertificateAuthority.forStation(dir.resolve("station.db")));
    assertTrue(missing.getMessage().contains("no certificate authority is configured"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[] | not a JSON object",
        "{\"certificates\":\"authority-certificates.pem\"} | \"name\" is missing",
        "{\"name\":\"AC\",\"certificates\":\"../authority-certificates.pem\"} | a plain file name",
        "{\"name\":\"AC\",\"certificates\":\"/etc/ssl/certs/ca-certificates.crt\"} | a plain file"
            + " name",
        "{\"name\":\"AC\",\"certificates\":\"authority-certificates.pem\",\"cmp\":{\"url\":"
            + "\"ftp://ca.example/\",\"protection\":\"shared-secret\",\"reference\":\"r\"}} |"
            + " http:// or https://",
        "{\"name\":\"AC\",\"certificates\":\"authority-certificates.pem\",\"cmp\":{\"url\":"
            + "\"https://user:pass@ca.example/\",\"protection\":\"shared-secret\",\"reference\":"
            + "\"r\"}} | user name or password",
        "{\"name\":\"AC\",\"certificates\":\"authority-certificates.pem\",\"cmp\":{\"url\":"
            + "\"https://ca.example/\",\"protection\":\"none\"}} | shared-secret or"
            + " officer-signature",
        "{\"name\":\"AC\",\"certificates\":\"authority-certificates.pem\",\"cmp\":{\"url\":"
            + "\"https://ca.example/\",\"protection\":\"shared-secret\"}} | cmp.reference is"
            + " needed",
        "{\"name\":\"AC\",\"certificates\":\"authority-certificates.pem\",\"cmp\":{\"url\":"
            + "\"https://ca.example/\",\"protection\":\"officer-signature\",\"timeoutSeconds\":"
            + "100000}} | from 1 to 300",
        "{\"name\":\"AC\",\"certificates\":\"missing.pem\"} | missing.pem",
      })
  void aWrongConfigurationIsRefusedWithWhatIsWrong(String content, String said) throws Exception {
    Files.writeString(file, content);

    CertificateAuthorityException refused =
        assertThrows(CertificateAuthorityException.class, () -> CertificateAuthority.read(file));

    assertTrue(refused.getMessage().contains(said.strip()), refused.getMessage());
  }

  @Test
  void aFolderOrAFileOverItsSizeIsNotAConfiguration() throws Exception {
    Files.createDirectories(file);
    assertTrue(
        assertThrows(CertificateAuthorityException.class, () -> CertificateAuthority.read(file))
            .getMessage()
            .contains("not a regular file"));
    Path large = dir.resolve("large.json");
    Files.write(large, new byte[CertificateAuthority.MAX_BYTES + 1]);
    assertTrue(
        assertThrows(CertificateAuthorityException.class, () -> CertificateAuthority.read(large))
            .getMessage()
            .contains("larger than"));
  }
}
