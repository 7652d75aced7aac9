package fr.aed.station.crypto.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Primitive;

/**
 * A signed statement of the journal's state that leaves the machine: the journal's first entry
 * (which station), its head (sequence and hash) and when. Kept elsewhere (by the officer, by the
 * certificate authority in each export package), it proves later that the database still holds that
 * head with everything before it: a rollback, a cut of the last meetings or a deleted database is
 * found against it.
 *
 * <p>The file is text: five lines the officer's card signs, then the detached CMS signature in
 * base64 on one line.
 *
 * @param sequence the head's sequence number (the number of entries)
 * @param headHash the head's hash
 * @param firstHash the first entry's hash: the journal the checkpoint belongs to
 * @param createdAt when the checkpoint was made
 */
public record JournalCheckpoint(
    long sequence, String headHash, String firstHash, Instant createdAt) {

  /** The first line of every checkpoint file. */
  public static final String FORMAT = "station-journal-checkpoint-v1";

  /** The largest checkpoint file read: a few kilobytes with its certificates and timestamp. */
  public static final int MAX_BYTES = 64 * 1024;

  private static final Pattern FILE =
      Pattern.compile(
          Pattern.quote(FORMAT)
              + "\nsequence: ([1-9][0-9]{0,17})\nhead: ([0-9a-f]{64})\nfirst: ([0-9a-f]{64})"
              + "\ncreated: ([0-9TZ:.\\-]{20,30})\nsignature: ([A-Za-z0-9+/=]{16,87000})\n?");

  /**
   * A checkpoint read from its file, with the signature that covers it.
   *
   * @param checkpoint what it states
   * @param signedContent the exact bytes the signature covers
   * @param signature the detached CMS signature, DER
   */
  public record Signed(JournalCheckpoint checkpoint, byte[] signedContent, byte[] signature) {}

  /** The bytes the officer's card signs. */
  public byte[] content() {
    return (FORMAT
            + "\nsequence: "
            + sequence
            + "\nhead: "
            + headHash
            + "\nfirst: "
            + firstHash
            + "\ncreated: "
            + createdAt
            + "\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The file: the signed content, then its signature. */
  public byte[] file(byte[] signature) {
    String text =
        new String(content(), StandardCharsets.UTF_8)
            + "signature: "
            + Base64.getEncoder().encodeToString(signature)
            + "\n";
    return text.getBytes(StandardCharsets.UTF_8);
  }

  // A truncated signature is a truncated file, said as such rather than as a failed signature.
  private static void requireWholeDer(byte[] der) throws IOException {
    ASN1Primitive parsed = ASN1Primitive.fromByteArray(der);
    if (parsed == null || parsed.getEncoded().length != der.length) {
      throw new IOException("trailing or missing bytes");
    }
  }

  /**
   * Reads a checkpoint file.
   *
   * @throws IllegalArgumentException saying the file is not a checkpoint (truncated, corrupted,
   *     another format)
   */
  public static Signed parse(byte[] file) {
    if (file.length > MAX_BYTES) {
      throw new IllegalArgumentException("larger than a checkpoint file");
    }
    String text = new String(file, StandardCharsets.US_ASCII);
    Matcher m = FILE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a journal checkpoint (truncated, altered, or another kind of file)");
    }
    try {
      JournalCheckpoint checkpoint =
          new JournalCheckpoint(
              Long.parseLong(m.group(1)), m.group(2), m.group(3), Instant.parse(m.group(4)));
      byte[] signature = Base64.getDecoder().decode(m.group(5));
      requireWholeDer(signature);
      byte[] signed =
          text.substring(0, m.start(5) - "signature: ".length())
              .getBytes(StandardCharsets.US_ASCII);
      return new Signed(checkpoint, signed, signature);
    } catch (DateTimeParseException | IllegalArgumentException | IOException e) {
      throw new IllegalArgumentException(
          "not a journal checkpoint (truncated, altered, or another kind of file)", e);
    }
  }
}
