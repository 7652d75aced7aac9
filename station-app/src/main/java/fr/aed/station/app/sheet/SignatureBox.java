package fr.aed.station.app.sheet;

/**
 * A box where one party signs the printed sheet by hand.
 *
 * @param party which of the signers the box is for
 * @param role who signs, as printed at the top of the box ("Le titulaire")
 * @param signer the signer's name
 * @param place where the sheet is signed
 * @param date the signing date, already formatted
 */
public record SignatureBox(Signer party, String role, String signer, String place, String date) {}
