package fr.aed.station.app.catalogue;

/**
 * A document catalogue that cannot be read or breaks the catalogue's rules; the message says why.
 */
public final class CatalogueException extends Exception {

  private static final long serialVersionUID = 1L;

  public CatalogueException(String message) {
    super(message);
  }

  public CatalogueException(String message, Throwable cause) {
    super(message, cause);
  }
}
