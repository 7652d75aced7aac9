package fr.aed.station.app.officer;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.identity.NameFolding;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who holds the meeting: the station's registered officer, whose card signs the sheet, not whoever
 * a dossier file names. The officer's name on the sheet comes from the registered profile; the card
 * must be issued to that officer; and the officer-is-not-the-holder rule then compares the holder
 * with the person the card names.
 */
public final class MeetingOfficer {

  private MeetingOfficer() {}

  /**
   * The enrollment as the meeting is held: its officer replaced by the registered one, when the
   * station has one.
   *
   * @param enrollment the enrollment as read (from a file, a form)
   * @param registered the station's registered officer, if any
   * @param card the officer's credential, if the meeting has one
   * @throws OfficerMismatchException if the file names another officer than the registered one, or
   *     the card is issued to someone else than the meeting's officer
   */
  public static Enrollment heldBy(
      Enrollment enrollment, Optional<Officer> registered, Optional<OfficerCredential> card)
      throws OfficerMismatchException {
    Officer named = enrollment.meeting().officer();
    Officer officer = registered.orElse(named);
    if (registered.isPresent() && !sameOfficer(named, officer)) {
      throw new OfficerMismatchException(
          "the dossier names the officer '"
              + named.name()
              + "' ("
              + named.aedIdentifier()
              + "), but this station's officer is '"
              + officer.name()
              + "' ("
              + officer.aedIdentifier()
              + "): correct the dossier's officer, or register the officer who holds the meeting"
              + " (station officer register)");
    }
    if (card.isPresent()) {
      requireIssuedTo(card.get().certificate(), officer);
    }
    return new Enrollment(enrollment.dossier(), enrollment.meeting().withOfficer(officer));
  }

  /**
   * Checks the officer's card is issued to this officer: every word of the certificate's name
   * (givenName and surname, else CN) is a word of the officer's name, or the other way round,
   * compared as the MRZ check compares names.
   *
   * @throws OfficerMismatchException if the certificate names someone else
   */
  public static void requireIssuedTo(X509Certificate certificate, Officer officer)
      throws OfficerMismatchException {
    Set<String> officerWords = words(officer.name());
    Set<String> cardWords = cardWords(certificate);
    boolean same =
        officerWords.size() >= 2
            && cardWords.size() >= 2
            && (officerWords.containsAll(cardWords) || cardWords.containsAll(officerWords));
    if (!same) {
      throw new OfficerMismatchException(
          "the officer's card is issued to '"
              + personName(certificate)
              + "', not to the meeting's officer '"
              + officer.name()
              + "': insert the officer's own card");
    }
  }

  private static boolean sameOfficer(Officer a, Officer b) {
    return NameFolding.key(a.name()).equals(NameFolding.key(b.name()))
        && a.aedIdentifier().strip().equalsIgnoreCase(b.aedIdentifier().strip());
  }

  private static Set<String> cardWords(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    String given = value(subject, BCStyle.GIVENNAME);
    String surname = value(subject, BCStyle.SURNAME);
    return words(
        !given.isEmpty() && !surname.isEmpty()
            ? given + " " + surname
            : withoutDemonstrationMark(value(subject, BCStyle.CN)));
  }

  private static String personName(X509Certificate certificate) {
    X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
    String cn = value(subject, BCStyle.CN);
    return cn.isEmpty() ? subject.toString() : cn;
  }

  // The demonstration card's CN says what it is after the name: "<name> (DÉMONSTRATION – ...)".
  private static String withoutDemonstrationMark(String cn) {
    int mark = cn.indexOf(" (" + DemoOfficerCard.MARK);
    return mark >= 0 ? cn.substring(0, mark) : cn;
  }

  private static String value(X500Name subject, ASN1ObjectIdentifier type) {
    RDN[] rdns = subject.getRDNs(type);
    if (rdns.length == 0) {
      return "";
    }
    ASN1Encodable value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
  }

  private static Set<String> words(String name) {
    List<String> words = Arrays.asList(NameFolding.folded(name).split(" "));
    Set<String> set = new LinkedHashSet<>(words);
    set.remove("");
    return set;
  }
}
