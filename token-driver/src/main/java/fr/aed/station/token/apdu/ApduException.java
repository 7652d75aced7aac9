package fr.aed.station.token.apdu;

/** The card answered a command with a status word other than success. */
public class ApduException extends Exception {

  private final int statusWord;

  public ApduException(int statusWord) {
    super(String.format("card answered %04X: %s", statusWord, StatusWord.describe(statusWord)));
    this.statusWord = statusWord;
  }

  /** The status word, such as {@code 0x6982}. */
  public int statusWord() {
    return statusWord;
  }
}
