package fr.aed.station.app.audit;

/** An audit that cannot be made: no such intervention, or a requirement map that cannot be read. */
public final class AuditException extends Exception {

  private static final long serialVersionUID = 1L;

  public AuditException(String message) {
    super(message);
  }

  public AuditException(String message, Throwable cause) {
    super(message, cause);
  }
}
