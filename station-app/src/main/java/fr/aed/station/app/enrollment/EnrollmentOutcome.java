package fr.aed.station.app.enrollment;

import java.nio.file.Path;
import java.util.List;

/**
 * What a completed enrollment produced.
 *
 * @param interventionId the record's identifier in the database
 * @param dossierId the dossier's identifier
 * @param keyAlgorithm the key type, such as rsa2048
 * @param tokenSerial the token's serial
 * @param publicKeySha256 SHA-256 of the public key (DER SubjectPublicKeyInfo), hex
 * @param csrSha256 SHA-256 of the DER request, hex
 * @param csrPath where the PEM request was written
 * @param sheetPath where the PDF sheet was written
 * @param sheetSigned whether the officer signed the sheet (PAdES); if not, the meeting awaits it
 * @param databasePath the database holding the record and its journal
 * @param steps each step's duration
 */
public record EnrollmentOutcome(
    String interventionId,
    String dossierId,
    String keyAlgorithm,
    String tokenSerial,
    String publicKeySha256,
    String csrSha256,
    Path csrPath,
    Path sheetPath,
    boolean sheetSigned,
    Path databasePath,
    List<StepTiming> steps) {}
