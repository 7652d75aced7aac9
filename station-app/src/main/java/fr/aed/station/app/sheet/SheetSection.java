package fr.aed.station.app.sheet;

import java.util.List;

/**
 * A titled section of the intervention sheet.
 *
 * @param title the heading printed above the items
 * @param items the fields and statements, in printing order
 */
public record SheetSection(String title, List<SheetItem> items) {

  public SheetSection {
    items = List.copyOf(items);
  }
}
