package fr.aed.station.app.cli;

import fr.aed.station.app.gui.StationWindow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code station gui}: opens the officer's window (also what {@code station} alone does). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Opens the officer's window.")
final class GuiCommand implements Runnable {

  @Mixin DataDirectory data;

  @Override
  public void run() {
    StationWindow.open(data.database(), data.resolve());
  }
}
