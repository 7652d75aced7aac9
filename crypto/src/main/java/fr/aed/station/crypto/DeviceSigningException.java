package fr.aed.station.crypto;

/** The device holding the key could not sign; the cause tells why (wrong PIN, card removed...). */
public class DeviceSigningException extends Exception {

  public DeviceSigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
