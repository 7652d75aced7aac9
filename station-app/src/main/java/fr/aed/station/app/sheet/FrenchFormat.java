package fr.aed.station.app.sheet;

import fr.aed.station.app.domain.FeeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/** How values are written on the sheet: French dates, "oui"/"non", amounts in euros. */
final class FrenchFormat {

  /** Printed in place of a value that was not recorded. */
  static final String MISSING = "—";

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private FrenchFormat() {}

  static String date(TemporalAccessor date) {
    return date == null ? MISSING : DATE.format(date);
  }

  static String time(TemporalAccessor time) {
    return time == null ? MISSING : TIME.format(time);
  }

  static String yesNo(boolean value) {
    return value ? "oui" : "non";
  }

  static String text(String value) {
    return value == null || value.isBlank() ? MISSING : value;
  }

  /** "50,00 € HT", or "sur devis" when the fee is quoted. */
  static String feeAmount(FeeKind fee) {
    if (fee == null) {
      return MISSING;
    }
    return fee.amountExclTax().map(FrenchFormat::euros).orElse("sur devis");
  }

  // Written by hand rather than with NumberFormat: the French locale groups thousands with a
  // narrow no-break space whose presence depends on the JDK's locale data.
  private static String euros(BigDecimal amount) {
    String plain = amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    return plain.replace('.', ',') + " € HT";
  }
}
