package fr.aed.station.app.cli;

import fr.aed.station.app.gui.StationWindow;
import fr.aed.station.app.gui.Texts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code station gui}: opens the officer's window (also what {@code station} alone does). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Opens the officer's window.")
final class GuiCommand implements Runnable {

  @Mixin DataDirectory data;

  @Option(
      names = "--lang",
      paramLabel = "LANGUAGE",
      description = "The window's language: fr (default) or en.",
      defaultValue = "fr")
  String language;

  @Override
  public void run() {
    Texts.use(Texts.language(language));
    StationWindow.open(data.database(), data.resolve());
  }
}
