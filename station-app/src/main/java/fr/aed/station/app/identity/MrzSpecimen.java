package fr.aed.station.app.identity;

/**
 * Builds machine-readable zones from their fields, computing every check digit: for the bundled
 * sample and for tests. Its documents are specimens, not real ones.
 */
public final class MrzSpecimen {

  private MrzSpecimen() {}

  public static String pad(String text, int length) {
    return (text + "<".repeat(length)).substring(0, length);
  }

  public static String withDigit(String data) {
    return data + CheckDigit.of(data);
  }

  /** A TD3 passport zone; {@code names} is the name field, e.g. {@code ERIKSSON<<ANNA<MARIA}. */
  public static String td3(
      String state, String names, String number, String birth, char sex, String expiry) {
    String line1 = pad("P<" + state + names, 44);
    String head = withDigit(pad(number, 9)) + state + withDigit(birth) + sex + withDigit(expiry);
    String personal = pad("", 14) + "<";
    String line2 = head + personal;
    String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
    return line1 + "\n" + line2 + CheckDigit.of(composite);
  }

  /** A TD1 zone of code {@code ID} or {@code IR}. */
  public static String td1(
      String code,
      String state,
      String number,
      String birth,
      char sex,
      String expiry,
      String names) {
    String line1 = pad(code + state + withDigit(pad(number, 9)), 30);
    String line2 = withDigit(birth) + sex + withDigit(expiry) + state + pad("", 11);
    String composite = line1.substring(5) + line2.substring(0, 7) + line2.substring(8, 15);
    line2 += CheckDigit.of(composite + line2.substring(18, 29));
    return line1 + "\n" + line2 + "\n" + pad(names, 30);
  }

  /** A French ID card in the 1988-2021 layout, issued {@code issue} (YYMM). */
  public static String legacy(
      String surname, String issue, String givenNames, String birth, char sex) {
    String line1 = pad("IDFRA" + surname, 30) + "750" + "123";
    String line2 =
        withDigit(issue + "750" + "12345") + pad(givenNames, 14) + withDigit(birth) + sex;
    return line1 + "\n" + line2 + CheckDigit.of(line1 + line2);
  }
}
