package fr.aed.station.app.enrollment;

import fr.aed.station.app.officer.OfficerCredential;
import fr.aed.station.crypto.pades.TimestampAuthority;
import java.util.Optional;

/**
 * Who signs the sheets and how.
 *
 * @param officer the officer's credential, or null when sheets are left for the officer to sign
 * @param timestamps the timestamp authority for PAdES baseline T, if one is configured
 */
record SheetSigning(OfficerCredential officer, Optional<TimestampAuthority> timestamps) {}
