package fr.aed.station.crypto.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalSealTest {

  private SoftwareDeviceKey officer;
  private X509Certificate certificate;
  private final List<ChainedEntry> entries = new ArrayList<>();

  @BeforeEach
  void journal() throws Exception {
    officer = SoftwareDeviceKey.ec("secp256r1");
    certificate = TestCertificates.selfSigned(officer, "Officer");
    String previous = JournalChain.GENESIS;
    for (int i = 1; i <= 6; i++) {
      ChainedEntry e =
          JournalChain.append(previous, new JournalEntry(i, "t" + i, "INT", "E" + i, "{}"));
      entries.add(e);
      previous = e.hash();
    }
  }

  private JournalSeal sealAt(int sequence) throws Exception {
    return JournalSeal.seal(
        entries.get(sequence - 1), "2026-11-24T10:00:00Z", officer, certificate);
  }

  @Test
  void sealedJournalHolds() throws Exception {
    assertEquals(
        Optional.empty(), JournalChain.firstBrokenLink(entries, List.of(sealAt(3), sealAt(6))));
  }

  @Test
  void truncationAfterASealedEntryIsFound() throws Exception {
    List<JournalSeal> seals = List.of(sealAt(3), sealAt(6));
    List<ChainedEntry> truncated = entries.subList(0, 4);

    BrokenLink broken = JournalChain.firstBrokenLink(truncated, seals).orElseThrow();
    assertEquals(5, broken.sequence());
    assertTrue(broken.reason().contains("truncated"));
  }

  @Test
  void rewrittenChainBehindASealIsFound() throws Exception {
    List<JournalSeal> seals = List.of(sealAt(3));
    List<ChainedEntry> rewritten = new ArrayList<>();
    String previous = JournalChain.GENESIS;
    for (ChainedEntry e : entries) {
      JournalEntry x = e.entry();
      ChainedEntry c =
          JournalChain.append(
              previous,
              new JournalEntry(
                  x.sequence(), x.recordedAt(), x.intervention(), x.event(), "{\"forged\":1}"));
      rewritten.add(c);
      previous = c.hash();
    }

    assertEquals(3, JournalChain.firstBrokenLink(rewritten, seals).orElseThrow().sequence());
  }

  @Test
  void forgedSealIsFound() throws Exception {
    JournalSeal real = sealAt(3);
    JournalSeal forged =
        new JournalSeal(
            3, real.headHash(), "2030-01-01T00:00:00Z", real.signature(), real.certificate());

    BrokenLink broken = JournalChain.firstBrokenLink(entries, List.of(forged)).orElseThrow();
    assertTrue(broken.reason().contains("does not verify"));
  }
}
