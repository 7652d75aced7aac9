package fr.aed.station.crypto.journal;

import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.SignerVerdict;
import fr.aed.station.crypto.trust.TrustList;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a journal entry by entry, in stored order, so that a journal of any length is checked in
 * bounded memory; then checks the officer's seals against what it saw. Each entry's hash covers the
 * previous entry's hash and every field, so an edited, deleted, inserted or moved entry breaks the
 * chain from that point on; a seal pins the chain, so a journal cut after a sealed entry, or
 * rewritten whole, is found too.
 *
 * <p>A seal counts only if its certificate chains to an authority of the trust list at the seal's
 * time (see {@link SignerTrust}): whoever can write the database can also re-sign every seal with a
 * certificate of their own making, bearing the officer's name.
 */
public final class JournalVerifier {

  private final List<JournalSeal> seals;
  private final SignerTrust trust;
  private final Map<String, SealingCertificate> certificates = new LinkedHashMap<>();
  private final Map<Long, String> sealedHashesSeen = new HashMap<>();
  private String previous = JournalChain.GENESIS;
  private long entries;

  /**
   * A verifier that will check these seals' signatures once every entry is seen, without a trust
   * list: the seals' certificates are listed, not judged ({@link #trustChecked()} is false).
   */
  public JournalVerifier(List<JournalSeal> seals) {
    this(seals, new SignerTrust(TrustList.empty()));
  }

  /**
   * A verifier that will check these seals once every entry is seen, each one's certificate against
   * {@code trust} when it has authorities.
   */
  public JournalVerifier(List<JournalSeal> seals, SignerTrust trust) {
    this.seals = List.copyOf(seals);
    this.trust = trust;
    seals.forEach(seal -> sealedHashesSeen.put(seal.sequence(), null));
  }

  /**
   * A verifier whose seals come one at a time, in the journal's order, each right after the entry
   * it seals ({@link #acceptSeal}): nothing is kept per seal, so a journal of a million sealed
   * meetings is checked in bounded memory.
   */
  public JournalVerifier(SignerTrust trust) {
    this(List.of(), trust);
  }

  /**
   * Checks a seal over the entry accepted last (its sequence must be that entry's): its signature,
   * its certificate against the trust list at the seal's time, and the entry's hash.
   *
   * @return the broken link, if the seal does not hold (stop there)
   */
  public Optional<BrokenLink> acceptSeal(JournalSeal seal) {
    if (seal.sequence() != entries) {
      return broken(seal.sequence(), "a seal over an entry that is not there");
    }
    if (!seal.signatureValid()) {
      return broken(seal.sequence(), "the officer's seal over this entry does not verify");
    }
    Optional<BrokenLink> untrusted = trusted(seal);
    if (untrusted.isPresent()) {
      return untrusted;
    }
    if (!seal.headHash().equals(previous)) {
      return broken(seal.sequence(), "differs from the entry the officer sealed");
    }
    return Optional.empty();
  }

  /**
   * After the last entry, a seal still to come seals an entry that is gone.
   *
   * @param nextSeal the first seal not yet accepted, if any
   */
  public Optional<BrokenLink> finishSeals(Optional<JournalSeal> nextSeal) {
    return nextSeal.flatMap(
        seal ->
            broken(
                entries + 1,
                "journal truncated: entry " + seal.sequence() + " was sealed and is gone"));
  }

  /** How many entries were accepted so far. */
  public long entries() {
    return entries;
  }

  /** Whether the seals' certificates were judged against a trust list. */
  public boolean trustChecked() {
    return trust.checks();
  }

  /**
   * The distinct certificates of the seals checked by {@link #finish}, in the order first seen: all
   * of them when every seal holds.
   */
  public List<SealingCertificate> sealingCertificates() {
    return new ArrayList<>(certificates.values());
  }

  /**
   * Checks the next entry: its sequence, its link to the one before, its hash.
   *
   * @return the broken link, if this entry breaks the chain (stop there)
   */
  public Optional<BrokenLink> accept(ChainedEntry chained) {
    long expected = entries + 1;
    long sequence = chained.entry().sequence();
    if (sequence != expected) {
      return broken(expected, "entry " + expected + " expected, entry " + sequence + " found");
    }
    if (!chained.previousHash().equals(previous)) {
      return broken(sequence, "does not follow the entry before it (removed or moved)");
    }
    if (!chained.hash().equals(JournalChain.append(previous, chained.entry()).hash())) {
      return broken(sequence, "content altered after it was recorded");
    }
    if (sealedHashesSeen.containsKey(sequence)) {
      sealedHashesSeen.put(sequence, chained.hash());
    }
    previous = chained.hash();
    entries = expected;
    return Optional.empty();
  }

  /**
   * Checks each seal once every entry was accepted: its signature, its certificate against the
   * trust list (when there is one) at the seal's time, and that the entry it seals is still there
   * with the same hash.
   *
   * @return the first seal that does not hold, if any
   */
  public Optional<BrokenLink> finish() {
    for (JournalSeal seal : seals) {
      if (!seal.signatureValid()) {
        return broken(seal.sequence(), "the officer's seal over this entry does not verify");
      }
      Optional<BrokenLink> untrusted = trusted(seal);
      if (untrusted.isPresent()) {
        return untrusted;
      }
      if (seal.sequence() > entries) {
        return broken(
            entries + 1, "journal truncated: entry " + seal.sequence() + " was sealed and is gone");
      }
      if (!seal.headHash().equals(sealedHashesSeen.get(seal.sequence()))) {
        return broken(seal.sequence(), "differs from the entry the officer sealed");
      }
    }
    return Optional.empty();
  }

  private Optional<BrokenLink> trusted(JournalSeal seal) {
    SignerVerdict verdict = trust.verdict(seal.certificate());
    certificates.merge(
        verdict.sha256(),
        new SealingCertificate(verdict, 1, seal.sequence(), seal.sequence()),
        (seen, one) -> seen.plus(seal.sequence()));
    if (!trust.checks()) {
      return Optional.empty();
    }
    Instant sealedAt;
    try {
      sealedAt = Instant.parse(seal.sealedAt());
    } catch (DateTimeParseException e) {
      return broken(seal.sequence(), "the seal's time cannot be read: " + seal.sealedAt());
    }
    return verdict.refusalAt(sealedAt).flatMap(r -> broken(seal.sequence(), "sealed with " + r));
  }

  private static Optional<BrokenLink> broken(long sequence, String reason) {
    return Optional.of(new BrokenLink(sequence, reason));
  }
}
