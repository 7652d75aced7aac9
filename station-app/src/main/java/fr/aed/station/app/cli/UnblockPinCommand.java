package fr.aed.station.app.cli;

import fr.aed.station.app.desk.CardAtDesk;
import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.pin.PinSource;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.HolderPinRules;
import fr.aed.station.app.store.InterventionStore;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.token.PinBlockedException;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.WrongPinException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Unblocks a holder's card at the desk, the holder present: the PUK, then the PIN the holder
 * chooses, under the same rules as at enrollment.
 */
@Command(
    name = "unblock-pin",
    mixinStandardHelpOptions = true,
    description =
        "Unblocks the PIN of a holder's PIV card with its PUK, the holder present: the holder"
            + " chooses the new PIN (6 to 8 digits). Journaled with the meetings held with the"
            + " card.")
final class UnblockPinCommand implements Runnable {

  @Option(
      names = "--token",
      converter = TokenSpecConverter.class,
      required = true,
      paramLabel = "SPEC",
      description = "pcsc:<reader name part>, or simulated.")
  TokenConnector token;

  @Option(
      names = "--puk-env",
      paramLabel = "VAR",
      description = "Read the card's PUK from this environment variable.")
  String pukEnv;

  @Option(
      names = "--puk-file",
      paramLabel = "FILE",
      description = "Read the card's PUK from this file (mode 600).")
  Path pukFile;

  @Mixin PinOptions pins;
  @Mixin DataDirectory data;
  @Spec CommandSpec spec;

  @Override
  public void run() {
    PinOptions.checkSecret(pukEnv, pukFile, "--puk", SecretSources.Format.DIGITS);
    pins.check();
    PinSource pukSource =
        PinOptions.secret(
            pukEnv,
            pukFile,
            "--puk",
            SecretSources.Format.DIGITS,
            () -> PinOptions.prompt("Code PUK de la carte : "));
    char[] puk = null;
    char[] chosen = null;
    try {
      puk = pukSource.read();
      chosen = pins.setup().newPin().read();
      Optional<HolderPinRules.Problem> problem = HolderPinRules.check(chosen, null);
      if (problem.isPresent()) {
        throw new StationCommandException(problem.get().english());
      }
      // The database first: a card is not changed when its journal cannot be written.
      try (InterventionStore store = InterventionStore.open(data.database());
          Token card = pins.connector(token).connect()) {
        card.unblockPin(puk, chosen);
        spec.commandLine().getOut().println("PIN unblocked: the holder's new PIN is set.");
        new CardAtDesk(store, Clock.systemUTC()).unblocked(card.describe());
      }
    } catch (PinUnavailableException | StoreException e) {
      throw new StationCommandException(e.getMessage(), e);
    } catch (WrongPinException e) {
      throw new StationCommandException(
          "wrong PUK: " + e.triesLeft() + " tries left; the PIN stays blocked", e);
    } catch (PinBlockedException e) {
      throw new StationCommandException(
          "the PUK is blocked too: the card can no longer be unblocked, only reset (its keys are"
              + " lost)",
          e);
    } catch (TokenException e) {
      throw new StationCommandException("the card failed: " + e.getMessage(), e);
    } finally {
      if (puk != null) {
        Arrays.fill(puk, '\0');
      }
      if (chosen != null) {
        Arrays.fill(chosen, '\0');
      }
    }
  }
}
