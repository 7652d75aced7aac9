package fr.aed.station.app.officer;

import fr.aed.station.app.device.TokenConnector;
import fr.aed.station.app.device.TokenConnectors;
import fr.aed.station.app.device.TokenDeviceKey;
import fr.aed.station.app.domain.Officer;
import fr.aed.station.app.files.PrivateFiles;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The demonstration officer credential: a fresh simulated officer card whose key is certified by a
 * throw-away demonstration authority. Every name in it says DEMONSTRATION: it proves nothing, it
 * only lets the demo sign its sheet for real, on a card.
 */
public final class DemoOfficerCard {

  static final String MARK = "DÉMONSTRATION – SANS VALEUR";
  private static final String CARD_FILE = "officer-card.state";
  private static final String AUTHORITY_FILE = "authority.pem";
  private static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
  private static final int KEY_MANAGEMENT = KeyUsage.keyEncipherment;

  private DemoOfficerCard() {}

  /**
   * Inserts a fresh simulated officer card, generates its signing key (P-256) and its
   * key-management key (RSA-2048) on the card, certifies both and stores the certificates on the
   * card. The card lives as long as the credential.
   *
   * @throws TokenException if the simulated card fails
   */
  public static OfficerCredential issue(Officer officer) throws TokenException {
    return openOrIssue(TokenConnectors.freshSimulatedCard(), null, officer);
  }

  /**
   * The demonstration officer card kept in {@code folder} (its state file and its authority's
   * certificate), issued there on first use: the same card, hence the same keys, from one run to
   * the next, so that what was sealed for it can be opened again.
   *
   * <p>Two first runs at once (two {@code station demo}, or threads of one station) must not each
   * issue a card: only one would stay on disk, and what the other sealed could never be opened. The
   * card is issued under an exclusive lock on a file of the folder, after looking again whether
   * another run issued it meanwhile, into temporary files moved into place atomically.
   *
   * @throws TokenException if the simulated card fails or its files cannot be read or written
   */
  public static OfficerCredential open(Path folder, Officer officer) throws TokenException {
    try {
      PrivateFiles.createFolders(folder);
    } catch (IOException e) {
      throw new TokenException("cannot create " + folder + ": " + e.getMessage(), e);
    }
    Path cardFile = folder.resolve(CARD_FILE);
    Path authorityFile = folder.resolve(AUTHORITY_FILE);
    if (!Files.exists(cardFile) || !Files.exists(authorityFile)) {
      DemoCardLock.underLock(
          folder,
          () -> {
            if (!Files.exists(cardFile) || !Files.exists(authorityFile)) {
              issueInto(cardFile, authorityFile, officer);
            }
          });
    }
    return openIssued(TokenConnectors.savedSimulatedCard(cardFile), authorityFile, folder);
  }

  // A fresh card and its authority written beside their final names, then moved over them: a
  // reader sees no card, or a whole one.
  private static void issueInto(Path cardFile, Path authorityFile, Officer officer)
      throws TokenException {
    Path newCard = cardFile.resolveSibling(CARD_FILE + ".new");
    Path newAuthority = authorityFile.resolveSibling(AUTHORITY_FILE + ".new");
    try {
      Files.deleteIfExists(newCard); // left by a run that stopped while issuing
      Files.deleteIfExists(newAuthority);
      try (Token card = TokenConnectors.savedSimulatedCard(newCard).connect()) {
        card.verifyPin(TokenConnectors.SIMULATED_CARD_PIN.toCharArray());
        issueOn(card, officer, newAuthority);
      }
      Files.move(
          newAuthority,
          authorityFile,
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          newCard, cardFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new TokenException(
          "cannot write the demonstration officer card in "
              + cardFile.getParent()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static OfficerCredential openIssued(
      TokenConnector connector, Path authorityFile, Path folder) throws TokenException {
    Token card = connector.connect();
    try {
      card.verifyPin(TokenConnectors.SIMULATED_CARD_PIN.toCharArray());
      X509Certificate signing =
          card.readCertificate(KeySlot.SIGNATURE)
              .orElseThrow(
                  () ->
                      new TokenException(
                          "the demonstration officer card in "
                              + folder
                              + " holds no certificate: delete that folder to make a new card"));
      return credential(card, List.of(signing, DemoAuthorityFile.read(authorityFile)));
    } catch (TokenException | RuntimeException e) {
      card.close();
      throw e;
    }
  }

  /**
   * The certificate of the demonstration authority that certified the demonstration card kept in
   * {@code folder}, if that card was ever issued there: a trust anchor for demonstration stations
   * only, since whoever holds the folder holds the card.
   *
   * @throws TokenException if the authority's certificate is there but cannot be read
   */
  public static Optional<X509Certificate> authority(Path folder) throws TokenException {
    Path file = folder.resolve(AUTHORITY_FILE);
    return Files.exists(file) ? Optional.of(DemoAuthorityFile.read(file)) : Optional.empty();
  }

  private static OfficerCredential openOrIssue(
      TokenConnector connector, Path authorityFile, Officer officer) throws TokenException {
    Token card = connector.connect();
    try {
      card.verifyPin(TokenConnectors.SIMULATED_CARD_PIN.toCharArray());
      Optional<X509Certificate> issued = card.readCertificate(KeySlot.SIGNATURE);
      List<X509Certificate> chain =
          issued.isPresent() && authorityFile != null && Files.exists(authorityFile)
              ? List.of(issued.get(), DemoAuthorityFile.read(authorityFile))
              : issueOn(card, officer, authorityFile);
      return credential(card, chain);
    } catch (TokenException | RuntimeException e) {
      card.close();
      throw e;
    }
  }

  private static OfficerCredential credential(Token card, List<X509Certificate> chain)
      throws TokenException {
    X509Certificate keyManagement =
        card.readCertificate(KeySlot.KEY_MANAGEMENT)
            .orElseThrow(() -> new TokenException("the demonstration card lost its key"));
    return new OfficerCredential(
        new TokenDeviceKey(card, KeySlot.SIGNATURE, chain.get(0).getPublicKey()),
        chain,
        true,
        card,
        keyManagement);
  }

  private static List<X509Certificate> issueOn(Token card, Officer officer, Path authorityFile)
      throws TokenException {
    PublicKey signingKey = card.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
    PublicKey keyManagementKey = card.generateKeyPair(KeySlot.KEY_MANAGEMENT, KeyType.RSA2048);
    DemoAuthority authority = DemoAuthority.create();
    X509Certificate signing = authority.certify(officerName(officer), signingKey, SIGNING);
    X509Certificate keyManagement =
        authority.certify(officerName(officer), keyManagementKey, KEY_MANAGEMENT);
    card.writeCertificate(KeySlot.SIGNATURE, signing);
    card.writeCertificate(KeySlot.KEY_MANAGEMENT, keyManagement);
    if (authorityFile != null) {
      DemoAuthorityFile.write(authorityFile, authority.certificate());
    }
    return List.of(signing, authority.certificate());
  }

  private static X500Name officerName(Officer officer) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "FR")
        .addRDN(BCStyle.O, officer.office())
        .addRDN(BCStyle.OU, MARK)
        .addRDN(BCStyle.CN, officer.name() + " (" + MARK + ")")
        .build();
  }
}
