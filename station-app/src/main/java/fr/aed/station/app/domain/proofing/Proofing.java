package fr.aed.station.app.domain.proofing;

/**
 * Everything the officer recorded to prove the holder's identity and authority, beyond the MRZ and
 * the ticks of the meeting record.
 *
 * @param examination the document's security features examined
 * @param portrait the portrait compared with the person present
 * @param names the names and birth date of the visual zone
 * @param authority the holder's authority to represent the company
 * @param consent the holder's informed agreement
 */
public record Proofing(
    DocumentExamination examination,
    PortraitComparison portrait,
    NameCheck names,
    RepresentationAuthority authority,
    HolderConsent consent) {}
