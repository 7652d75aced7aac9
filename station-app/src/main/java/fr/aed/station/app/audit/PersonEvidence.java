package fr.aed.station.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import fr.aed.station.app.domain.MeetingRecord;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.domain.proofing.MorphologicalFeature;
import fr.aed.station.app.text.Message;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The evidence about the person and their company (TS 119 461 BIN-8.4.4, BIN-8.4.5, VAL-8.3.1,
 * INI-8.1, COL-8.2): the portrait compared, the names, the officer's training, the consent, the
 * authority to represent and the registration extract.
 */
final class PersonEvidence {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");
  private static final List<String> PARTS =
      List.of("examination", "portrait", "names", "authority", "consent");

  private final JsonNode proofing;
  private final LocalDate meetingDay;
  private final String kbisOverride;

  /**
   * @param proofing the proofing as traced
   * @param meetingDay the day the proofing was recorded
   * @param kbisOverride the officer's written reason for an old extract, as the checks recorded it
   */
  PersonEvidence(JsonNode proofing, LocalDate meetingDay, String kbisOverride) {
    this.proofing = proofing;
    this.meetingDay = meetingDay;
    this.kbisOverride = kbisOverride;
  }

  Judged complete() {
    List<Message> missing = new ArrayList<>();
    for (String part : PARTS) {
      if (!proofing.path(part).isObject()) {
        missing.add(Message.of("audit.part." + part));
      }
    }
    return missing.isEmpty()
        ? Judged.met(
            "audit.proofing-complete",
            proofing.path("examination").path("catalogueVersion").asText("-"))
        : Judged.notMet("audit.proofing-incomplete", missing);
  }

  Judged portraitVerdict() {
    JsonNode portrait = proofing.path("portrait");
    if (!portrait.path("verdict").asText().equals("SAME_PERSON")) {
      return Judged.notMet("audit.portrait.other");
    }
    LocalDateTime ended = time(portrait.path("endedAt"));
    return Judged.met("audit.portrait", ended.toLocalDate(), CLOCK.format(ended));
  }

  Judged portraitFeatures() {
    JsonNode portrait = proofing.path("portrait");
    List<Message> notCompared = new ArrayList<>();
    for (MorphologicalFeature feature : MorphologicalFeature.values()) {
      boolean compared = false;
      for (JsonNode item : portrait.path("features")) {
        compared |= item.path("feature").asText().equals(feature.name());
      }
      if (!compared) {
        notCompared.add(Message.of("audit.facial." + feature.name()));
      }
    }
    if (!notCompared.isEmpty()) {
      return Judged.notMet("audit.portrait-features.missing", notCompared);
    }
    String reason = portrait.path("differenceReason").asText("");
    return Judged.met(
        "audit.portrait-features",
        portrait.path("features").size(),
        MorphologicalFeature.values().length,
        count(portrait, "SIMILAR"),
        count(portrait, "DIFFERENT"),
        count(portrait, "NOT_VISIBLE"),
        reason.isBlank() ? Message.of("audit.empty") : Message.of("audit.difference", reason));
  }

  private static long count(JsonNode portrait, String likeness) {
    long count = 0;
    for (JsonNode item : portrait.path("features")) {
      count += item.path("likeness").asText().equals(likeness) ? 1 : 0;
    }
    return count;
  }

  Judged portraitTime() {
    JsonNode portrait = proofing.path("portrait");
    LocalDateTime started = time(portrait.path("startedAt"));
    LocalDateTime ended = time(portrait.path("endedAt"));
    Duration spent = Duration.between(started, ended);
    if (spent.isNegative() || spent.isZero()) {
      return Judged.notMet("audit.portrait-time.none");
    }
    return Judged.met(
        "audit.portrait-time",
        spent.toMinutes(),
        spent.toSecondsPart(),
        CLOCK.format(started),
        CLOCK.format(ended));
  }

  Judged names() {
    String reason = proofing.path("names").path("mismatchReason").asText("");
    return reason.isBlank()
        ? Judged.met("audit.names.agree")
        : Judged.met("audit.names.accepted", reason);
  }

  Judged training() {
    JsonNode officer = proofing.path("officer");
    LocalDate trained = LocalDate.parse(officer.path("trainedOn").asText());
    LocalDate until = trained.plus(Officer.TRAINING_VALIDITY);
    String accreditation = officer.path("accreditation").asText("-");
    return trained.isAfter(meetingDay) || meetingDay.isAfter(until)
        ? Judged.notMet("audit.training.expired", trained, meetingDay)
        : Judged.met("audit.training", trained, until, accreditation);
  }

  Judged consent() {
    return consent("audit.consent");
  }

  /** The consent of a meeting held at the terminal: what its file says, as the officer wrote it. */
  Judged consentAtTerminal() {
    return consent("audit.consent.terminal");
  }

  private Judged consent(String key) {
    JsonNode consent = proofing.path("consent");
    if (consent.path("acceptedAt").asText("").isEmpty()) {
      return Judged.notMet("audit.consent.missing");
    }
    LocalDateTime at = time(consent.path("acceptedAt"));
    return Judged.met(key, consent.path("notice").asText("-"), at.toLocalDate(), CLOCK.format(at));
  }

  Judged authority() {
    JsonNode authority = proofing.path("authority");
    String role = authority.path("role").asText("");
    if (role.isBlank() || !authority.has("source")) {
      return Judged.notMet("audit.authority.missing");
    }
    return Judged.met(
        "audit.authority",
        role,
        Message.of("audit.source." + authority.path("source").asText()),
        authority.path("extractReference").asText("-"),
        LocalDate.parse(authority.path("extractDate").asText()));
  }

  Judged registration() {
    JsonNode authority = proofing.path("authority");
    String reference = authority.path("extractReference").asText("");
    return reference.isBlank()
        ? Judged.notMet("audit.company-registration.missing")
        : Judged.met(
            "audit.company-registration",
            reference,
            LocalDate.parse(authority.path("extractDate").asText()));
  }

  Judged delegation() {
    JsonNode authority = proofing.path("authority");
    if (!authority.path("source").asText().equals("DELEGATION")) {
      return Judged.notApplicable("audit.delegation.none");
    }
    String mandate = authority.path("mandate").asText("");
    return !mandate.isBlank() && authority.path("grantorDocumentKept").asBoolean(false)
        ? Judged.met("audit.delegation", mandate)
        : Judged.notMet("audit.delegation.incomplete");
  }

  Judged extractFresh() {
    LocalDate extract = LocalDate.parse(proofing.path("authority").path("extractDate").asText());
    if (extract.isAfter(meetingDay.minusMonths(MeetingRecord.EXTRACT_MAX_AGE_MONTHS))
        && !extract.isAfter(meetingDay)) {
      return Judged.met("audit.extract-fresh", extract, meetingDay);
    }
    return kbisOverride.isBlank()
        ? Judged.notMet("audit.extract-old", extract, meetingDay)
        : Judged.met("audit.extract-override", extract, kbisOverride);
  }

  private static LocalDateTime time(JsonNode value) {
    return LocalDateTime.parse(value.asText());
  }
}
