package fr.aed.station.app.identity;

import fr.aed.station.app.domain.IdentityDocument;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking an identity document: every check made, and the fields when the zone
 * could be read at all.
 *
 * @param checks every check made, in order, passed or not
 * @param fields the fields read, or {@code null} when the zone's layout or characters are wrong
 */
public record DocumentVerdict(List<DocumentCheck> checks, MrzFields fields) {

  public DocumentVerdict {
    checks = List.copyOf(checks);
  }

  /** Whether the document is accepted: at least one check made and none failed. */
  public boolean accepted() {
    return !checks.isEmpty() && checks.stream().allMatch(DocumentCheck::passed);
  }

  /** The checks that failed, in order. */
  public List<DocumentCheck> failures() {
    return checks.stream().filter(c -> !c.passed()).toList();
  }

  /** Whether the check with that code was made and failed. */
  public boolean failed(DocumentCheckCode code) {
    return checks.stream().anyMatch(c -> c.code() == code && !c.passed());
  }

  /** The document as recorded in the meeting record, when its fields could be read. */
  public Optional<IdentityDocument> document() {
    return Optional.ofNullable(fields)
        .map(f -> new IdentityDocument(f.type(), f.number(), f.issuingState(), f.expiryDate()));
  }
}
