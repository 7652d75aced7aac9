package fr.aed.station.app.gui;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the view models ask of the desktop: choosing, opening and printing files, confirming. Tests
 * replace it.
 */
public interface DialogService {

  /** Asks the officer for an enrollment file (JSON); empty when cancelled. */
  Optional<Path> chooseEnrollmentFile();

  /**
   * Asks the officer where to save an enrollment file (JSON); empty when cancelled, or when this
   * desktop cannot save.
   *
   * @param suggestedName the file name offered
   */
  default Optional<Path> chooseEnrollmentFileToSave(String suggestedName) {
    return Optional.empty();
  }

  /**
   * Asks the officer for a folder to write the package for the certificate authority in; empty when
   * cancelled, or when this desktop cannot choose.
   */
  default Optional<Path> chooseExportFolder() {
    return Optional.empty();
  }

  /**
   * Asks the officer to confirm something not undone (leaving a meeting under way); "no" is the
   * answer Enter and Escape give. False when this desktop cannot ask.
   *
   * @param title the question's title
   * @param question what is asked, and what it means
   */
  default boolean confirm(String title, String question) {
    return false;
  }

  /**
   * Asks the officer for the scan of the sheet the holder signed by hand (PDF, PNG, JPEG, TIFF);
   * empty when cancelled, or when this desktop cannot choose.
   */
  default Optional<Path> chooseScanFile() {
    return Optional.empty();
  }

  /**
   * Asks the officer for the certificate the authority sent (PEM, DER, PKCS#7); empty when
   * cancelled, or when this desktop cannot choose.
   */
  default Optional<Path> chooseCertificateFile() {
    return Optional.empty();
  }

  /**
   * Asks the tester for the file of a saved simulated card (testers' mode); empty when cancelled,
   * or when this desktop cannot choose.
   */
  default Optional<Path> chooseSimulatedCard() {
    return Optional.empty();
  }

  /**
   * Opens a file (the intervention sheet) or a folder with the desktop's viewer.
   *
   * @return false when no viewer could open it: the caller tells the officer where the file is
   */
  boolean openFile(Path file);

  /**
   * Prints a PDF (the intervention sheet) through the system's printer dialog; a failure is told to
   * the officer by the dialog service itself. Returns once the PDF is read: the dialog and the
   * printing go on without holding the window.
   */
  void print(Path pdf);
}
