package fr.aed.station.app.gui;

import fr.aed.station.app.store.Step;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How recorded codes read in the window, in the language chosen. */
final class RecordLabels {

  /** The statuses a meeting can have, as recorded. */
  static final List<String> STATUSES = List.of("OPEN", "CLOSED", "REFUSED", "FAILED");

  private RecordLabels() {}

  static String status(String code) {
    return code == null || !STATUSES.contains(code)
        ? nullToEmpty(code)
        : Texts.get("status." + code);
  }

  static String step(String code) {
    if (code == null) {
      return "";
    }
    try {
      return Texts.get("record-step." + Step.valueOf(code).name());
    } catch (IllegalArgumentException e) {
      return code;
    }
  }

  /** An ISO-8601 instant or local date-time as the officer reads it; unchanged if unreadable. */
  static String dateTime(String iso) {
    if (iso == null) {
      return "";
    }
    DateTimeFormatter dayTime =
        DateTimeFormatter.ofPattern(Texts.get("format.day-time"), Texts.locale());
    try {
      return OffsetDateTime.parse(iso).atZoneSameInstant(ZoneId.systemDefault()).format(dayTime);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(iso).format(dayTime);
      } catch (DateTimeParseException again) {
        return iso;
      }
    }
  }

  private static String nullToEmpty(String code) {
    return code == null ? "" : code;
  }
}
