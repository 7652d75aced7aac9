package fr.aed.station.token;

/**
 * The PKCS#11 module cannot be used: the file is missing, is not a PKCS#11 library, or was built
 * for another architecture.
 */
public class ModuleNotFoundException extends TokenException {

  private final String module;

  /**
   * @param module the module's path, as given
   * @param message what is wrong with it
   */
  public ModuleNotFoundException(String module, String message, Throwable cause) {
    super(message, cause);
    this.module = module;
  }

  /** The module's path, as given. */
  public String module() {
    return module;
  }
}
