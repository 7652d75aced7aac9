package fr.aed.station.app.sheet;

/** One printed element of a sheet section: a labelled value or a free statement. */
public sealed interface SheetItem {

  /** A label printed on the left and its value, wrapped, on the right. */
  record Field(String label, String value) implements SheetItem {}

  /** A sentence printed across the whole width, with a bullet. */
  record Statement(String text) implements SheetItem {}
}
