package fr.aed.station.app.cli;

import fr.aed.station.app.export.CaExport;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.JournalCheckpoints;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.crypto.journal.JournalCheckpoint;
import fr.aed.station.crypto.pades.DetachedSignatures;
import fr.aed.station.crypto.pades.TimestampCheck;
import fr.aed.station.crypto.trust.SignerTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.time.Instant;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * {@code journal verify --against FILE}: a checkpoint kept elsewhere, or the one an export package
 * carries, against the database: signed by the officer's card, of this journal, and still held.
 */
final class CheckpointCheck {

  /** The checkpoint's name inside an export package. */
  static final String IN_PACKAGE = CaExport.CHECKPOINT;

  private static final byte[] ZIP = {'P', 'K', 3, 4};

  /**
   * What the check found.
   *
   * @param checkpoint what the checkpoint states
   * @param signer who signed it (the certificate's subject)
   * @param problem why the database does not hold it, or empty when it does
   * @param refused why the checkpoint itself cannot be trusted (altered, untrusted signer), which
   *     says nothing of the journal; empty when it can
   * @param fromPackage whether it was read from an export package (whose other files are not
   *     checked here)
   */
  record Outcome(
      JournalCheckpoint checkpoint,
      String signer,
      Optional<String> problem,
      Optional<String> refused,
      boolean fromPackage) {}

  private CheckpointCheck() {}

  /**
   * Reads the checkpoint (or the package holding one) and checks it against the store.
   *
   * @throws StationUsageException if the file cannot be read
   * @throws StationCommandException if it is no checkpoint (truncated, altered)
   * @throws StoreException if the database cannot be read
   */
  static Outcome against(InterventionStore store, Path file, SignerTrust trust)
      throws StoreException {
    boolean fromPackage = isPackage(file);
    JournalCheckpoint.Signed signed = read(file);
    DetachedSignatures.Verified verified =
        DetachedSignatures.verify(signed.signedContent(), signed.signature());
    JournalCheckpoint checkpoint = signed.checkpoint();
    if (!verified.valid()) {
      return new Outcome(
          checkpoint,
          "",
          Optional.empty(),
          Optional.of("its signature does not verify: the file was altered"),
          fromPackage);
    }
    String signer = verified.chain().get(0).getSubjectX500Principal().getName();
    Optional<String> untrusted = untrusted(verified, checkpoint, trust);
    if (untrusted.isPresent()) {
      return new Outcome(checkpoint, signer, Optional.empty(), untrusted, fromPackage);
    }
    return new Outcome(
        checkpoint,
        signer,
        new JournalCheckpoints(store).missing(checkpoint),
        Optional.empty(),
        fromPackage);
  }

  // A checkpoint counts only if an officer's certificate the trust list vouches for signed it, at
  // the time it says (or the time its timestamp vouches for).
  private static Optional<String> untrusted(
      DetachedSignatures.Verified verified, JournalCheckpoint checkpoint, SignerTrust trust) {
    if (!trust.checks()) {
      return Optional.empty();
    }
    try {
      Instant at =
          verified
              .timestamp()
              .filter(TimestampCheck::valid)
              .map(TimestampCheck::time)
              .orElse(checkpoint.createdAt());
      return trust
          .verdict(verified.chain().get(0).getEncoded())
          .refusalAt(at)
          .map(refusal -> "it was signed with " + refusal);
    } catch (CertificateEncodingException e) {
      return Optional.of("its certificate cannot be read");
    }
  }

  private static boolean isPackage(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return startsWith(in.readNBytes(ZIP.length), ZIP);
    } catch (IOException e) {
      return false;
    }
  }

  private static JournalCheckpoint.Signed read(Path file) {
    byte[] bytes = bytes(file);
    try {
      return JournalCheckpoint.parse(bytes);
    } catch (IllegalArgumentException e) {
      throw new StationCommandException(file + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new StationUsageException("--against: " + file + " is not a readable file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] start = in.readNBytes(JournalCheckpoint.MAX_BYTES + 1);
      return startsWith(start, ZIP) ? fromPackage(file) : start;
    } catch (IOException e) {
      throw new StationUsageException("--against: cannot read " + file + ": " + e.getMessage());
    }
  }

  private static byte[] fromPackage(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(IN_PACKAGE);
      if (entry == null) {
        throw new StationCommandException(
            file + ": this package carries no journal checkpoint (made by an older station)");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return in.readNBytes(JournalCheckpoint.MAX_BYTES + 1);
      }
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
