package fr.aed.station.app.domain.proofing;

/**
 * The holder's names and birth date read from the document, compared with the MRZ and the dossier
 * (VAL-8.3.1-03X, -04X).
 *
 * @param visualZone what the visual zone prints
 * @param mismatchReason the officer's written reason for accepting names that differ after
 *     transliteration (a usage name, a name changed by marriage); empty when they agree
 */
public record NameCheck(VisualZone visualZone, String mismatchReason) {}
