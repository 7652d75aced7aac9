package fr.aed.station.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.simulator.CardProfile;
import fr.aed.station.simulator.SimulatedCard;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code station simulator} up to the point where it would need pcscd and vpcd. */
class SimulatorCommandTest {

  @TempDir Path dir;

  @Test
  void helpWarnsThatTheStateFileHoldsTestSecrets() {
    StringWriter out = new StringWriter();
    int code =
        StationCommand.execute(
            new String[] {"simulator", "--help"}, new PrintWriter(out), new PrintWriter(out));
    assertEquals(0, code, out.toString());
    String help = out.toString().replaceAll("\\s+", " ");
    assertTrue(help.contains("--state=FILE"), help);
    assertTrue(help.contains("TEST card"), help);
    assertTrue(help.contains("never put a real secret"), help);
    assertTrue(help.contains("--profile=NAME"), help);
    for (String profile : new String[] {"yubikey-5.7 (the default", "yubikey-5.4", "piv"}) {
      assertTrue(help.contains(profile), profile + " in " + help);
    }
  }

  @Test
  void anUnknownProfileStopsTheCommandNamingTheKnownOnes() {
    StringWriter err = new StringWriter();
    int code =
        StationCommand.execute(
            new String[] {"simulator", "--profile", "yubikey-4", "--connect-timeout", "1"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(1, code, err.toString());
    assertTrue(
        err.toString().contains("unknown card profile 'yubikey-4'")
            && err.toString().contains("yubikey-5.4, yubikey-5.7, piv"),
        err.toString());
  }

  @Test
  void aStateFileOfAnotherProfileIsRefusedBeforeAnyCardIsInserted() throws Exception {
    Path state = dir.resolve("card.state");
    SimulatedCard.insert(CardProfile.YUBIKEY_5_4, state).close();
    String saved = Files.readString(state);
    StringWriter err = new StringWriter();
    int code =
        StationCommand.execute(
            new String[] {
              "simulator", "--state", state.toString(), "--profile", "piv", "--connect-timeout", "1"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(1, code, err.toString());
    assertTrue(
        err.toString().contains("it holds a yubikey-5.4 card, not a piv one"), err.toString());
    assertEquals(saved, Files.readString(state));
  }

  @Test
  void aDamagedStateFileStopsTheCommandBeforeAnyCardIsInserted() throws Exception {
    Path state = dir.resolve("card.state");
    Files.writeString(state, "format=station-piv-card-state/1\nserial=00\n");
    StringWriter err = new StringWriter();
    int code =
        StationCommand.execute(
            new String[] {"simulator", "--state", state.toString(), "--connect-timeout", "1"},
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(1, code, err.toString());
    assertTrue(err.toString().contains(state.toString()), err.toString());
    assertTrue(err.toString().contains("sha256 line is missing"), err.toString());
    assertEquals("format=station-piv-card-state/1\nserial=00\n", Files.readString(state));
  }
}
