package fr.aed.station.app.gui;

import fr.aed.station.app.domain.Enrollment;
import fr.aed.station.app.domain.proofing.DocumentExamination;
import fr.aed.station.app.domain.proofing.HolderConsent;
import fr.aed.station.app.domain.proofing.NameCheck;
import fr.aed.station.app.domain.proofing.PortraitComparison;
import fr.aed.station.app.domain.proofing.Proofing;
import fr.aed.station.app.domain.proofing.RepresentationAuthority;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identity proofing as the wizard's steps make it: the names typed on the identity step, the
 * document examined, the portrait compared, the authority stated on the company step and the
 * holder's consent given on the holder's screen, put together once every part is done.
 */
final class MeetingProofing {

  /** The rules' reason when no proofing is recorded: in the window, the proofing still to do. */
  static final String MISSING = "rules.proofing-missing";

  private final IdentityStepViewModel identity;
  private final DocumentStepViewModel document;
  private final PortraitStepViewModel portrait;
  private final CompanyStepViewModel company;
  private final HolderPinViewModel holder;
  private final Clock clock;

  MeetingProofing(
      IdentityStepViewModel identity,
      DocumentStepViewModel document,
      PortraitStepViewModel portrait,
      CompanyStepViewModel company,
      HolderPinViewModel holder,
      Clock clock) {
    this.identity = identity;
    this.document = document;
    this.portrait = portrait;
    this.company = company;
    this.holder = holder;
    this.clock = clock;
  }

  /**
   * The proofing as the officer did it, once every part is done (the holder's consent may still be
   * to come); null before.
   */
  Proofing proofing() {
    Optional<DocumentExamination> examination = document.examination();
    Optional<PortraitComparison> comparison = portrait.comparison();
    Optional<NameCheck> names = identity.nameCheck();
    Optional<RepresentationAuthority> authority = company.authority();
    if (examination.isEmpty() || comparison.isEmpty() || names.isEmpty() || authority.isEmpty()) {
      return null;
    }
    return new Proofing(
        examination.get(),
        comparison.get(),
        names.get(),
        authority.get(),
        holder.consentProperty().get());
  }

  /** The parts still to do, in the order of the steps, as neutral lines. */
  List<CheckLine> toConfirm() {
    List<CheckLine> lines = new ArrayList<>();
    if (identity.nameCheck().isEmpty()) {
      lines.add(CheckLine.toConfirm(Texts.get("proofing.names-to-type")));
    }
    if (!document.completeProperty().get()) {
      lines.add(CheckLine.toConfirm(Texts.get("proofing.document-to-examine")));
    }
    if (!portrait.completeProperty().get()) {
      lines.add(CheckLine.toConfirm(Texts.get("proofing.portrait-to-compare")));
    }
    if (company.authority().isEmpty()) {
      lines.add(CheckLine.toConfirm(Texts.get("proofing.authority-to-state")));
    }
    if (holder.consentProperty().get() == null) {
      lines.add(CheckLine.toConfirm(Texts.get("proofing.consent-to-give")));
    }
    return lines;
  }

  /**
   * {@code now} judged before the holder's screen as if the holder accepted the notice there: the
   * consent is the holder's screen's first act, and nothing is recorded before it.
   */
  Enrollment withConsentToCome(Enrollment now) {
    Proofing done = now.meeting().proofing();
    if (done == null || done.consent() != null) {
      return now;
    }
    Proofing withConsent =
        new Proofing(
            done.examination(),
            done.portrait(),
            done.names(),
            done.authority(),
            new HolderConsent(HolderConsent.CURRENT_NOTICE, LocalDateTime.now(clock)));
    return new Enrollment(now.dossier(), now.meeting().withProofing(withConsent));
  }
}
