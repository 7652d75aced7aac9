package fr.aed.station.app.officer;

import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.app.store.OfficerKeyring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

/**
 * A process that opens the demonstration officer card of a folder once told to start, for {@link
 * DemoOfficerCardTest}: prints {@code ready}, waits for the start file, then prints the SHA-256 of
 * the card's key-management certificate.
 */
public final class DemoOfficerCardRun {

  private DemoOfficerCardRun() {}

  /** {@code args}: the card's folder, the start file. */
  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Path start = Path.of(args[1]);
    System.out.println("ready");
    System.out.flush();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(start)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("never told to start");
      }
      Thread.sleep(1);
    }
    try (OfficerCredential card =
        DemoOfficerCard.open(
            folder, SampleEnrollment.at(LocalDateTime.now()).meeting().officer())) {
      System.out.println(OfficerKeyring.fingerprint(card.keyManagement()));
    }
    System.exit(0);
  }
}
