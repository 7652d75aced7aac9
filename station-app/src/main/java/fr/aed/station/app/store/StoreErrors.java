package fr.aed.station.app.store;

import java.nio.file.Path;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns database failures into messages an officer can act on, in one place. */
final class StoreErrors {

  private StoreErrors() {}

  static StoreException translate(Path file, Exception failure) {
    SQLiteException sqlite = sqliteCause(failure);
    if (sqlite != null) {
      SQLiteErrorCode code = sqlite.getResultCode();
      if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
        return new StoreException(
            "the database "
                + file
                + " is locked by another program (another station running?): close it and try"
                + " again",
            failure);
      }
      if (code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT) {
        return new StoreException(
            file + " is not a station database (or is damaged): choose another --data-dir",
            failure);
      }
      if (code == SQLiteErrorCode.SQLITE_READONLY || code == SQLiteErrorCode.SQLITE_CANTOPEN) {
        return new StoreException(
            "cannot write the database " + file + ": check the folder's permissions", failure);
      }
    }
    if (failure instanceof StoreException store) {
      return store;
    }
    return new StoreException("database " + file + " failed: " + rootMessage(failure), failure);
  }

  private static SQLiteException sqliteCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLiteException sqlite) {
        return sqlite;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
