package fr.aed.station.crypto.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import fr.aed.station.crypto.pades.DetachedSignatures;
import fr.aed.station.crypto.pades.HttpTimestampAuthority;
import fr.aed.station.crypto.pades.LoopbackTsa;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JournalCheckpointTest {

  private static final JournalCheckpoint CHECKPOINT =
      new JournalCheckpoint(
          1234, "a".repeat(64), "b".repeat(64), Instant.parse("2026-12-04T23:40:00Z"));

  @Test
  void aSignedCheckpointReadsBackAndVerifies() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate officer = TestCertificates.selfSigned(key, "Jean Exemple");
    byte[] file =
        CHECKPOINT.file(
            DetachedSignatures.sign(CHECKPOINT.content(), key, List.of(officer), Optional.empty()));

    JournalCheckpoint.Signed read = JournalCheckpoint.parse(file);

    assertEquals(CHECKPOINT, read.checkpoint());
    DetachedSignatures.Verified verified =
        DetachedSignatures.verify(read.signedContent(), read.signature());
    assertTrue(verified.valid());
    assertEquals(officer, verified.chain().get(0));
    assertTrue(verified.timestamp().isEmpty());
  }

  @Test
  void aTimestampedCheckpointCarriesItsToken() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate officer = TestCertificates.selfSigned(key, "Jean Exemple");
    try (LoopbackTsa tsa = LoopbackTsa.start()) {
      byte[] file =
          CHECKPOINT.file(
              DetachedSignatures.sign(
                  CHECKPOINT.content(),
                  key,
                  List.of(officer),
                  Optional.of(new HttpTimestampAuthority(tsa.url(), Duration.ofSeconds(10)))));
      JournalCheckpoint.Signed read = JournalCheckpoint.parse(file);
      DetachedSignatures.Verified verified =
          DetachedSignatures.verify(read.signedContent(), read.signature());
      assertTrue(verified.valid());
      assertTrue(verified.timestamp().orElseThrow().valid());
    }
  }

  @Test
  void anAlteredHeadNoLongerVerifies() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate officer = TestCertificates.selfSigned(key, "Jean Exemple");
    String file =
        new String(
            CHECKPOINT.file(
                DetachedSignatures.sign(
                    CHECKPOINT.content(), key, List.of(officer), Optional.empty())),
            StandardCharsets.US_ASCII);
    JournalCheckpoint.Signed altered =
        JournalCheckpoint.parse(
            file.replace("sequence: 1234", "sequence: 1233").getBytes(StandardCharsets.US_ASCII));

    assertFalse(DetachedSignatures.verify(altered.signedContent(), altered.signature()).valid());
  }

  @Test
  void truncatedOrForeignFilesAreNotCheckpoints() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    byte[] file =
        CHECKPOINT.file(
            DetachedSignatures.sign(
                CHECKPOINT.content(),
                key,
                List.of(TestCertificates.selfSigned(key, "Jean Exemple")),
                Optional.empty()));
    for (byte[] bad :
        List.of(
            Arrays.copyOf(file, file.length / 2),
            Arrays.copyOf(file, 40),
            new byte[0],
            "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
            new byte[JournalCheckpoint.MAX_BYTES + 1])) {
      assertThrows(IllegalArgumentException.class, () -> JournalCheckpoint.parse(bad));
    }
    byte[] garbledSignature = file.clone();
    garbledSignature[garbledSignature.length - 20] = 'A';
    garbledSignature[garbledSignature.length - 21] = 'B';
    JournalCheckpoint.Signed read = JournalCheckpoint.parse(garbledSignature);
    assertFalse(DetachedSignatures.verify(read.signedContent(), read.signature()).valid());
    assertArrayEquals(CHECKPOINT.content(), read.signedContent());
  }
}
