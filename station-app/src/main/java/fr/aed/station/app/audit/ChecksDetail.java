package fr.aed.station.app.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.aed.station.app.catalogue.DocumentCatalogue;
import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.dossier.EnrollmentFile;
import fr.aed.station.app.rules.MeetingRules.Refusal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the journal's checks entry says of the meeting, for the audit to replay: the document's type
 * and validity, the ticks, the extract, and the identity proofing (the examination, the portrait
 * comparison, the names' verdict, the authority and the consent, with the officer's training); the
 * names and birth date typed from the document stay out of the journal (the record has them). The
 * enrollment journals it, the sheet's summary judges it.
 */
public final class ChecksDetail {

  /** The trace's copy of the catalogue entry that judged the examination. */
  static final String CATALOGUE_ENTRY = "catalogueEntry";

  /** The journal detail holding the trace, as a JSON object. */
  static final String PROOFING = "proofing";

  /** The journal detail listing the requirements a refusal names, separated by spaces. */
  public static final String FAILED_REQUIREMENTS = "failedRequirements";

  /** The checks entry's detail saying where the examined features were drawn. */
  public static final String DRAWN_BY = "drawnBy";

  /** The checks entry's detail listing the journal entries of the draws used. */
  public static final String DRAW_ENTRIES = "drawEntries";

  private ChecksDetail() {}

  /** The checks entry's detail of the meeting, its proofing traced when recorded. */
  public static Map<String, String> of(Enrollment enrollment, DocumentCatalogue catalogue) {
    MeetingRecord meeting = enrollment.meeting();
    Map<String, String> detail = new TreeMap<>();
    detail.put("identityDocumentType", meeting.identityDocument().type().name());
    detail.put("identityDocumentExpiry", meeting.identityDocument().expiryDate().toString());
    detail.put("originalSeen", Boolean.toString(meeting.originalSeen()));
    detail.put("photoMatches", Boolean.toString(meeting.photoMatches()));
    detail.put("kbisDate", meeting.kbisDate().toString());
    if (meeting.kbisOverridden()) {
      detail.put("kbisOverride", meeting.kbisOverride());
    }
    detail.putAll(proofing(enrollment, catalogue));
    return detail;
  }

  /** The journal details of the meeting's proofing; none when it was not recorded. */
  public static Map<String, String> proofing(Enrollment enrollment, DocumentCatalogue catalogue) {
    MeetingRecord meeting = enrollment.meeting();
    Map<String, String> detail = new TreeMap<>();
    if (meeting.proofing() == null) {
      return detail;
    }
    ObjectNode trace = EnrollmentFile.mapper().valueToTree(meeting.proofing());
    ((ObjectNode) trace.path("names")).remove("visualZone");
    ObjectNode authority = (ObjectNode) trace.path("authority");
    authority.put("role", enrollment.dossier().company().holderRole());
    authority.put("extractDate", meeting.kbisDate().toString());
    authority.put("mandate", meeting.mandate());
    ObjectNode officer = trace.putObject("officer");
    officer.put("trainedOn", meeting.officer().trainedOn().toString());
    officer.put("accreditation", meeting.officer().accreditation());
    // The entry that judged the examination goes with it: the audit judges by it years later,
    // whatever catalogue the data folder holds then.
    catalogue
        .entry(meeting.proofing().examination().document())
        .ifPresent(entry -> trace.set(CATALOGUE_ENTRY, EnrollmentFile.mapper().valueToTree(entry)));
    detail.put(PROOFING, trace.toString());
    return detail;
  }

  /** The requirements the refusals name, each once, in order. */
  public static String failedRequirements(Collection<Refusal> refusals) {
    TreeSet<String> ids = new TreeSet<>();
    refusals.stream().map(Refusal::requirements).flatMap(List::stream).forEach(ids::add);
    return String.join(" ", ids);
  }
}
