package fr.aed.station.app.identity;

import java.util.List;

/**
 * What a layout parser read: the fields and the checks made on the zone itself.
 *
 * @param fields the fields read
 * @param checks the checks on the zone, in order
 * @param namesTruncated whether a name field is full, so the names may be cut short
 */
record MrzReading(MrzFields fields, List<DocumentCheck> checks, boolean namesTruncated) {}
