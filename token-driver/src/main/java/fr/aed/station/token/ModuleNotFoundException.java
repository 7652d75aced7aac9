package fr.aed.station.token;

/**
 * The PKCS#11 module cannot be used: the file is missing, is not a PKCS#11 library, or was built
 * for another architecture.
 */
public class ModuleNotFoundException extends TokenException {

  public ModuleNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
