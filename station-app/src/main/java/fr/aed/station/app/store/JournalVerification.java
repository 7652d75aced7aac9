package fr.aed.station.app.store;

import fr.aed.station.crypto.journal.BrokenLink;
import fr.aed.station.crypto.journal.JournalSeal;
import fr.aed.station.crypto.journal.JournalVerifier;
import fr.aed.station.crypto.journal.SealingCertificate;
import fr.aed.station.crypto.trust.SignerTrust;
import fr.aed.station.crypto.trust.TrustList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Verifies the journal by reading it one row at a time through crypto's {@link JournalVerifier}, so
 * that a journal of millions of entries is checked in bounded memory; each seal's certificate is
 * judged against the trust list given (outside the data folder), once per distinct certificate.
 */
public final class JournalVerification {

  private static final String ROWS =
      "SELECT seq, recorded_at, intervention, event, detail, previous_hash, hash FROM journal"
          + " WHERE seq <= ? ORDER BY seq";

  private static final String SEALS =
      "SELECT sequence, head_hash, sealed_at, signature, certificate FROM journal_seal"
          + " WHERE sequence <= ? ORDER BY sequence";

  private final InterventionStore store;
  private final SignerTrust trust;

  /**
   * Verifies the journal of {@code store}: its chain and its seals' signatures, without judging the
   * seals' certificates ({@link Outcome#trustChecked()} is false).
   */
  public JournalVerification(InterventionStore store) {
    this(store, new SignerTrust(TrustList.empty()));
  }

  /** Verifies the journal of {@code store}, judging the seals' certificates with {@code trust}. */
  public JournalVerification(InterventionStore store, SignerTrust trust) {
    this.store = store;
    this.trust = trust;
  }

  /**
   * The outcome of a verification.
   *
   * @param entries how many journal entries were read (all of them when intact)
   * @param brokenLink the first place where the journal does not hold, if any
   * @param trustChecked whether the seals' certificates were judged against a trust list
   * @param sealingCertificates the distinct certificates of the seals, with how many each made
   */
  public record Outcome(
      long entries,
      Optional<BrokenLink> brokenLink,
      boolean trustChecked,
      List<SealingCertificate> sealingCertificates) {

    /** Whether every link and every seal holds (their certificates judged or not). */
    public boolean intact() {
      return brokenLink.isEmpty();
    }

    /** How many seals were checked. */
    public long seals() {
      return sealingCertificates.stream().mapToLong(SealingCertificate::seals).sum();
    }

    /** The last sealed entry, 0 when nothing is sealed. */
    public long sealedThrough() {
      return sealingCertificates.stream()
          .mapToLong(SealingCertificate::lastSequence)
          .max()
          .orElse(0);
    }

    /** Whether a seal was judged trusted by a demonstration authority, which proves nothing. */
    public boolean demonstration() {
      return sealingCertificates.stream().anyMatch(c -> c.verdict().demonstration());
    }
  }

  /**
   * Recomputes the hash chain, then checks each seal: its signature, its certificate (when there is
   * a trust list) and that the entry it seals is still there with the same hash.
   *
   * @throws StoreException if the database cannot be read
   */
  public Outcome verify() throws StoreException {
    return verifyThrough(Long.MAX_VALUE);
  }

  /**
   * As {@link #verify()}, for the entries up to {@code lastSequence} and the seals over them only:
   * whether the journal holds up to a meeting, whatever came after it.
   *
   * @throws StoreException if the database cannot be read
   */
  public Outcome verifyThrough(long lastSequence) throws StoreException {
    Connection connection = store.connection();
    try {
      JournalVerifier verifier = new JournalVerifier(trust);
      Optional<BrokenLink> broken = walk(connection, verifier, lastSequence);
      // The records stand as the journal's last entries left them: checked on a whole journal.
      if (broken.isEmpty() && lastSequence == Long.MAX_VALUE) {
        broken = RecordVerification.firstBadRecord(connection);
      }
      connection.commit();
      return new Outcome(
          verifier.entries(), broken, verifier.trustChecked(), verifier.sealingCertificates());
    } catch (SQLException e) {
      throw StoreErrors.translate(store.file(), e);
    }
  }

  // The entries and the seals side by side, both in the journal's order: each seal is checked right
  // after the entry it seals, and none is kept.
  private static Optional<BrokenLink> walk(
      Connection connection, JournalVerifier verifier, long lastSequence) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(ROWS);
        PreparedStatement sealed = connection.prepareStatement(SEALS)) {
      select.setLong(1, lastSequence);
      sealed.setLong(1, lastSequence);
      try (ResultSet rows = select.executeQuery();
          ResultSet seals = sealed.executeQuery()) {
        Optional<JournalSeal> next = JournalSeals.next(seals);
        while (rows.next()) {
          Optional<BrokenLink> broken = verifier.accept(JournalRows.entry(rows));
          while (broken.isEmpty()
              && next.isPresent()
              && next.get().sequence() <= verifier.entries()) {
            broken = verifier.acceptSeal(next.get());
            next = JournalSeals.next(seals);
          }
          if (broken.isPresent()) {
            return broken;
          }
        }
        return verifier.finishSeals(next);
      }
    }
  }
}
