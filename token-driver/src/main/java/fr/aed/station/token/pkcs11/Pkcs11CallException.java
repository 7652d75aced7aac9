package fr.aed.station.token.pkcs11;

import fr.aed.station.token.TokenException;

/** A PKCS#11 function returned an error: carries the {@code CKR_} value. */
final class Pkcs11CallException extends TokenException {

  private final long returnValue;

  Pkcs11CallException(String function, long returnValue) {
    super(function + " failed: " + Pkcs11Errors.name(returnValue));
    this.returnValue = returnValue;
  }

  long returnValue() {
    return returnValue;
  }
}
