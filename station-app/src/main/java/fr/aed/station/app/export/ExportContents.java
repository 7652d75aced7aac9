package fr.aed.station.app.export;

import fr.aed.station.app.store.JournalHead;
import java.util.List;

/**
 * What goes into the package of one closed intervention, read and checked against the record.
 *
 * @param interventionId the intervention
 * @param dossierId the certificate authority's dossier
 * @param files the signed sheet and the request, as recorded
 * @param journalHead the journal's last entry when the contents were read
 */
public record ExportContents(
    String interventionId, String dossierId, List<ExportedFile> files, JournalHead journalHead) {

  public ExportContents {
    files = List.copyOf(files);
  }

  /** The same contents with one more file. */
  public ExportContents with(ExportedFile file) {
    List<ExportedFile> more = new java.util.ArrayList<>(files);
    more.add(file);
    return new ExportContents(interventionId, dossierId, more, journalHead);
  }
}
