package fr.aed.station.crypto.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.crypto.SoftwareDeviceKey;
import fr.aed.station.crypto.TestCertificates;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustList;
import fr.aed.station.crypto.trust.TrustedAuthority;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.KeyUsage;
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

  private static Optional<BrokenLink> verify(
      List<ChainedEntry> entries, List<JournalSeal> seals, SignerTrust trust) {
    JournalVerifier verifier = new JournalVerifier(seals, trust);
    for (ChainedEntry entry : entries) {
      Optional<BrokenLink> broken = verifier.accept(entry);
      if (broken.isPresent()) {
        return broken;
      }
    }
    return verifier.finish();
  }

  /** The officer's certificate issued by a test authority, and a trust list of it. */
  private SignerTrust trustedOfficer() throws Exception {
    SoftwareDeviceKey caKey = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate ca =
        TestCertificates.authority(caKey, "AED Test CA", Instant.parse("2026-01-01T00:00:00Z"));
    certificate =
        TestCertificates.issued(
            officer,
            "Officer",
            ca,
            caKey,
            Instant.parse("2026-06-01T00:00:00Z"),
            Instant.parse("2029-06-01T00:00:00Z"),
            KeyUsage.digitalSignature);
    return new SignerTrust(TrustList.empty().with(new TrustedAuthority(ca, false)));
  }

  @Test
  void sealsByATrustedOfficerHoldAndTheirCertificateIsListedOnce() throws Exception {
    SignerTrust trust = trustedOfficer();
    JournalVerifier verifier = new JournalVerifier(List.of(sealAt(2), sealAt(4), sealAt(6)), trust);
    entries.forEach(verifier::accept);

    assertEquals(Optional.empty(), verifier.finish());
    assertTrue(verifier.trustChecked());
    SealingCertificate only = verifier.sealingCertificates().get(0);
    assertEquals(1, verifier.sealingCertificates().size());
    assertEquals(3, only.seals());
    assertEquals(2, only.firstSequence());
    assertEquals(6, only.lastSequence());
    assertTrue(only.verdict().authority().isPresent());
  }

  @Test
  void aJournalRewrittenAndResealedWithASelfSignedLookAlikeIsFound() throws Exception {
    SignerTrust trust = trustedOfficer();
    SoftwareDeviceKey forger = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate lookAlike = TestCertificates.selfSigned(forger, "Officer");
    List<JournalSeal> forged =
        List.of(
            JournalSeal.seal(entries.get(2), "2026-11-24T10:00:00Z", forger, lookAlike),
            JournalSeal.seal(entries.get(5), "2026-11-24T11:00:00Z", forger, lookAlike));

    assertEquals(Optional.empty(), JournalChain.firstBrokenLink(entries, forged));
    BrokenLink broken = verify(entries, forged, trust).orElseThrow();
    assertEquals(3, broken.sequence());
    assertTrue(
        broken.reason().startsWith("sealed with a certificate no trusted authority issued: "),
        broken.reason());
    assertTrue(broken.reason().endsWith("CN=Officer, self-signed"), broken.reason());
  }

  @Test
  void aSealMadeOutsideTheCertificatesValidityIsFound() throws Exception {
    SignerTrust trust = trustedOfficer();
    JournalSeal late =
        JournalSeal.seal(entries.get(3), "2030-01-01T00:00:00Z", officer, certificate);

    BrokenLink broken = verify(entries, List.of(sealAt(2), late), trust).orElseThrow();
    assertEquals(4, broken.sequence());
    assertTrue(
        broken.reason().startsWith("sealed with a certificate not valid at 2030-01-01T00:00:00Z"),
        broken.reason());
  }

  @Test
  void aSealMovedOntoAnotherEntryOrSwappedWithAnotherIsFound() throws Exception {
    JournalSeal third = sealAt(3);
    JournalSeal fifth = sealAt(5);
    JournalSeal moved =
        new JournalSeal(
            4, entries.get(3).hash(), third.sealedAt(), third.signature(), third.certificate());
    JournalSeal swappedA =
        new JournalSeal(
            3, third.headHash(), third.sealedAt(), fifth.signature(), fifth.certificate());
    JournalSeal swappedB =
        new JournalSeal(
            5, fifth.headHash(), fifth.sealedAt(), third.signature(), third.certificate());

    BrokenLink broken = JournalChain.firstBrokenLink(entries, List.of(moved)).orElseThrow();
    assertEquals(4, broken.sequence());
    assertTrue(broken.reason().contains("does not verify"), broken.reason());
    assertEquals(
        3,
        JournalChain.firstBrokenLink(entries, List.of(swappedA, swappedB))
            .orElseThrow()
            .sequence());
  }

  @Test
  void withoutATrustListSealsAreListedButNotJudged() throws Exception {
    SoftwareDeviceKey forger = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate lookAlike = TestCertificates.selfSigned(forger, "Officer");
    JournalVerifier verifier =
        new JournalVerifier(
            List.of(JournalSeal.seal(entries.get(2), "2026-11-24T10:00:00Z", forger, lookAlike)));
    entries.forEach(verifier::accept);

    assertEquals(Optional.empty(), verifier.finish());
    assertTrue(!verifier.trustChecked());
    assertTrue(verifier.sealingCertificates().get(0).verdict().authority().isEmpty());
  }
}
