package fr.aed.station.crypto.journal;

import fr.aed.station.crypto.trust.SignerVerdict;

/**
 * One distinct certificate the journal's seals were made with, and how many seals it made.
 *
 * @param verdict what the trust list says of the certificate
 * @param seals how many seals were made with it
 * @param firstSequence the first entry it sealed
 * @param lastSequence the last entry it sealed
 */
public record SealingCertificate(
    SignerVerdict verdict, long seals, long firstSequence, long lastSequence) {

  SealingCertificate plus(long sequence) {
    return new SealingCertificate(
        verdict, seals + 1, Math.min(firstSequence, sequence), Math.max(lastSequence, sequence));
  }
}
