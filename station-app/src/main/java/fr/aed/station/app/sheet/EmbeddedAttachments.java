package fr.aed.station.app.sheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds files the way PDF/A-3 (ISO 19005-3, 6.8) wants them: each file specification has /F, /UF,
 * /Desc and /AFRelationship, each embedded file its MIME /Subtype and /Params with dates, and every
 * specification is listed both in the EmbeddedFiles name tree and the catalog's /AF array.
 */
final class EmbeddedAttachments {

  /** The files are data the sheet's content was produced from (ISO 32000-2, 14.13.2). */
  private static final String RELATIONSHIP = "Data";

  private static final COSName AF_RELATIONSHIP = COSName.getPDFName("AFRelationship");

  private EmbeddedAttachments() {}

  /**
   * Reads the files embedded in a document, by file name.
   *
   * @throws IOException if an embedded file cannot be read
   */
  static Map<String, byte[]> read(PDDocument document) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
    if (names == null || names.getEmbeddedFiles() == null) {
      return files;
    }
    Map<String, PDComplexFileSpecification> specifications = names.getEmbeddedFiles().getNames();
    if (specifications == null) {
      return files;
    }
    for (Map.Entry<String, PDComplexFileSpecification> entry : specifications.entrySet()) {
      PDEmbeddedFile file = entry.getValue().getEmbeddedFileUnicode();
      if (file == null) {
        file = entry.getValue().getEmbeddedFile();
      }
      if (file != null) {
        files.put(entry.getKey(), file.toByteArray());
      }
    }
    return files;
  }

  /**
   * Embeds the attachments, dated {@code time}; does nothing when there are none.
   *
   * @throws IllegalArgumentException if two attachments have the same name
   * @throws IOException if a file cannot be written into the document
   */
  static void embed(PDDocument document, List<SheetAttachment> attachments, Calendar time)
      throws IOException {
    if (attachments.isEmpty()) {
      return;
    }
    Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
    COSArray associated = new COSArray();
    for (SheetAttachment attachment : attachments) {
      PDComplexFileSpecification specification = specification(document, attachment, time);
      if (byName.put(attachment.fileName(), specification) != null) {
        throw new IllegalArgumentException("two attachments named " + attachment.fileName());
      }
      associated.add(specification);
    }
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(byName);
    PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
    names.setEmbeddedFiles(tree);
    catalog.setNames(names);
    catalog.getCOSObject().setItem(COSName.AF, associated);
  }

  /**
   * Adds one file to a document that may already have embedded files, keeping them.
   *
   * @throws IllegalArgumentException if a file of that name is already embedded
   * @throws IOException if the file cannot be written into the document
   */
  static void add(PDDocument document, SheetAttachment attachment, Calendar time)
      throws IOException {
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
    PDDocumentNameDictionary names = catalog.getNames();
    if (names != null
        && names.getEmbeddedFiles() != null
        && names.getEmbeddedFiles().getNames() != null) {
      byName.putAll(names.getEmbeddedFiles().getNames());
    }
    if (byName.containsKey(attachment.fileName())) {
      throw new IllegalArgumentException("a file named " + attachment.fileName() + " is attached");
    }
    PDComplexFileSpecification specification = specification(document, attachment, time);
    byName.put(attachment.fileName(), specification);
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(byName);
    PDDocumentNameDictionary updated = new PDDocumentNameDictionary(catalog);
    updated.setEmbeddedFiles(tree);
    catalog.setNames(updated);
    COSArray associated = catalog.getCOSObject().getCOSArray(COSName.AF);
    if (associated == null) {
      associated = new COSArray();
      catalog.getCOSObject().setItem(COSName.AF, associated);
    }
    associated.add(specification);
  }

  /**
   * Removes the embedded files whose names {@code unwanted} accepts, from the EmbeddedFiles name
   * tree and from the catalog's /AF array; their streams are not written with the document again.
   *
   * @return how many files were removed
   * @throws IOException if the name tree cannot be read
   */
  static int remove(PDDocument document, Predicate<String> unwanted) throws IOException {
    PDDocumentCatalog catalog = document.getDocumentCatalog();
    PDDocumentNameDictionary names = catalog.getNames();
    if (names == null
        || names.getEmbeddedFiles() == null
        || names.getEmbeddedFiles().getNames() == null) {
      return 0;
    }
    Map<String, PDComplexFileSpecification> kept =
        new TreeMap<>(names.getEmbeddedFiles().getNames());
    int before = kept.size();
    kept.keySet().removeIf(unwanted);
    if (kept.size() == before) {
      return 0;
    }
    PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
    tree.setNames(kept);
    names.setEmbeddedFiles(tree);
    COSArray associated = catalog.getCOSObject().getCOSArray(COSName.AF);
    if (associated != null) {
      for (int i = associated.size() - 1; i >= 0; i--) {
        if (associated.getObject(i) instanceof COSDictionary specification
            && unwanted.test(specification.getString(COSName.UF, ""))) {
          associated.remove(i);
        }
      }
    }
    return before - kept.size();
  }

  private static PDComplexFileSpecification specification(
      PDDocument document, SheetAttachment attachment, Calendar time) throws IOException {
    byte[] content = attachment.content();
    PDEmbeddedFile file =
        new PDEmbeddedFile(document, new ByteArrayInputStream(content), COSName.FLATE_DECODE);
    file.setSubtype(attachment.mimeType());
    file.setSize(content.length);
    file.setCreationDate(time);
    file.setModDate(time);
    PDComplexFileSpecification specification = new PDComplexFileSpecification();
    specification.setFile(attachment.fileName());
    specification.setFileUnicode(attachment.fileName());
    if (attachment.description() != null) {
      specification.setFileDescription(attachment.description());
    }
    specification.setEmbeddedFile(file);
    specification.setEmbeddedFileUnicode(file);
    specification.getCOSObject().setName(AF_RELATIONSHIP, RELATIONSHIP);
    return specification;
  }
}
