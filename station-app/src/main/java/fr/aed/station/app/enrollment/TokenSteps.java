package fr.aed.station.app.enrollment;

import fr.aed.station.app.device.TokenDeviceKey;
import fr.aed.station.app.pin.PinUnavailableException;
import fr.aed.station.app.rules.HolderPinRules;
import fr.aed.station.app.store.InterventionField;
import fr.aed.station.app.store.InterventionState;
import fr.aed.station.app.store.Step;
import fr.aed.station.app.store.StoreException;
import fr.aed.station.app.text.Message;
import fr.aed.station.crypto.DeviceSigningException;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.InvalidRequestException;
import fr.aed.station.crypto.profile.ProfileConformance;
import fr.aed.station.crypto.profile.RequestProfile;
import fr.aed.station.token.KeyEvidence;
import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.ManagementKeyOutcome;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenDescription;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.UnsupportedKeyTypeException;
import fr.aed.station.token.WrongPinException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/** The steps on the holder's token: identify it, the PIN, the key pair, the signed request. */
final class TokenSteps {

  /** The holder's qualified signature key goes in the PIV digital signature slot (9C). */
  static final KeySlot HOLDER_KEY_SLOT = KeySlot.SIGNATURE;

  private final EnrollmentRequest request;
  private final StepLog log;
  private PinStage pinStage;
  // The card a resumed meeting recorded, null for a new meeting or one stopped before its card.
  private final RecordedCard recorded;

  /** The holder's card a resumed meeting recorded: its kind (backend) and serial. */
  record RecordedCard(String backend, String serial) {}

  /** Where the holder's PIN stands when the token steps start. */
  enum PinStage {
    /** A new meeting: the card still has its factory or transport PIN. */
    FACTORY,
    /** A resumed meeting interrupted before the PIN change was recorded: it may have happened. */
    MAYBE_CHANGED,
    /** A resumed meeting whose PIN change was recorded: the PIN asked is the holder's own. */
    CHOSEN
  }

  TokenSteps(EnrollmentRequest request, StepLog log, PinStage pinStage) {
    this(request, log, pinStage, null);
  }

  /**
   * @param recorded the card the resumed meeting recorded, or null: another card is refused unless
   *     the officer chose a new card, which then starts from its own PIN
   */
  TokenSteps(EnrollmentRequest request, StepLog log, PinStage pinStage, RecordedCard recorded) {
    this.request = request;
    this.log = log;
    this.pinStage = pinStage;
    this.recorded = recorded;
  }

  /** Runs the token steps, each recorded as it completes. */
  TokenResult run()
      throws TokenException,
          PinUnavailableException,
          StoreException,
          IOException,
          EnrollmentException {
    try (Token token = request.token().connect()) {
      TokenDescription description = identify(token);
      if (pinStage == PinStage.CHOSEN) {
        verifyPin(token);
      } else {
        changePin(token);
      }
      ManagementKeyOutcome managementKey = secureManagementKey(token);
      GeneratedKey generated = generateKeyPair(token, managementKey);
      PublicKey publicKey = generated.publicKey();
      PKCS10CertificationRequest built = buildRequest(token, publicKey);
      return new TokenResult(
          description, publicKey, generated.evidence(), built, writeRequest(built));
    }
  }

  /**
   * Takes back what a resumed meeting's finished token steps produced, from the record, and writes
   * the request again where the resumed meeting puts its files.
   */
  TokenResult restore(InterventionState state) throws IOException {
    PKCS10CertificationRequest recorded;
    try (PEMParser parser = new PEMParser(new StringReader(state.csrPem()))) {
      recorded = (PKCS10CertificationRequest) parser.readObject();
    }
    try {
      return new TokenResult(
          new TokenDescription(state.tokenBackend(), state.tokenModel(), state.tokenSerial(), ""),
          new JcaPKCS10CertificationRequest(recorded).getPublicKey(),
          state.keyEvidence(),
          recorded,
          writeRequest(recorded));
    } catch (GeneralSecurityException e) {
      throw new IOException("the recorded request's key cannot be read", e);
    }
  }

  // The card's algorithms are checked before the holder types anything (issue: capabilities
  // found after the PIN cost a try and said "incorrect data").
  private TokenDescription identify(Token token) throws TokenException, StoreException {
    long started = System.nanoTime();
    TokenDescription description = token.describe();
    boolean replacing = replacesRecordedCard(description);
    Set<KeyType> supported = token.supportedKeyTypes();
    if (!supported.contains(request.keyType())) {
      throw new UnsupportedKeyTypeException(
          request.keyType(), description.model() + " n° " + description.serial(), supported);
    }
    log.record(
        Step.TOKEN_IDENTIFIED,
        identified(description, replacing),
        identifiedFields(description, replacing));
    log.done(
        Step.TOKEN_IDENTIFIED,
        started,
        Message.of("step-done.token-identified", model(description.model()), description.serial()));
    return description;
  }

  // The card a resumed meeting recorded is the one it goes on with; another one only when the
  // officer chose it, and then the holder starts again from that card's own PIN. A card is the
  // recorded one when its kind (PIV, PKCS#11) and its serial are; a new card must be another one.
  private boolean replacesRecordedCard(TokenDescription description) throws OtherCardException {
    if (recorded == null || recorded.serial() == null || recorded.serial().isEmpty()) {
      return false;
    }
    boolean same =
        recorded.serial().equals(description.serial())
            && (recorded.backend() == null || recorded.backend().equals(description.backend()));
    if (same && request.setup().newCard()) {
      throw OtherCardException.stillRecorded(description.serial());
    }
    if (same) {
      return false;
    }
    if (!request.setup().newCard()) {
      throw OtherCardException.notRecorded(recorded.serial(), description.serial());
    }
    pinStage = PinStage.FACTORY;
    return true;
  }

  private Map<String, String> identified(TokenDescription description, boolean replacing) {
    Map<String, String> details = new java.util.LinkedHashMap<>();
    details.put("backend", description.backend());
    details.put("model", description.model());
    details.put("serial", description.serial());
    details.put("reader", description.reader());
    if (replacing) {
      details.put("replacesCard", recorded.serial());
    }
    return details;
  }

  // A new card in place of the recorded one has not the holder's PIN yet: the record forgets the
  // PIN chosen on the first card, so that a later resumption asks the new card's own PIN first.
  private static Map<InterventionField, String> identifiedFields(
      TokenDescription description, boolean replacing) {
    Map<InterventionField, String> fields = new java.util.EnumMap<>(InterventionField.class);
    fields.put(InterventionField.TOKEN_BACKEND, description.backend());
    fields.put(InterventionField.TOKEN_MODEL, description.model());
    fields.put(InterventionField.TOKEN_SERIAL, description.serial());
    if (replacing) {
      fields.put(InterventionField.PIN_CHOSEN_AT, "");
    }
    return fields;
  }

  private void verifyPin(Token token)
      throws TokenException, PinUnavailableException, StoreException {
    char[] pin = request.pin().read();
    long started = System.nanoTime();
    try {
      // No key on a card whose PIN anyone knows: the holder's own PIN is never a factory one.
      if (HolderPinRules.isFactory(pin)) {
        throw new PinUnavailableException(
            "the PIN given is a factory PIN, but the holder chose their own earlier in this"
                + " meeting: give the holder's PIN, on the card they chose it for");
      }
      token.verifyPin(pin);
    } finally {
      Arrays.fill(pin, '\0');
    }
    log.record(Step.PIN_VERIFIED, Map.of(), Map.of());
    log.done(Step.PIN_VERIFIED, started, Message.of("step-done.pin-verified"));
  }

  // The holder replaces the card's factory or transport PIN before any key is made: the new PIN
  // is checked against the rules before the card is asked anything, then never kept.
  private void changePin(Token token)
      throws TokenException, PinUnavailableException, StoreException {
    char[] current = request.pin().read();
    char[] chosen = null;
    try {
      chosen = request.setup().newPin().read();
      Optional<HolderPinRules.Problem> problem = HolderPinRules.check(chosen, current);
      if (problem.isPresent()) {
        throw new NewPinRefusedException(problem.get());
      }
      long started = System.nanoTime();
      boolean before = changeOrFindChanged(token, current, chosen);
      log.record(
          Step.PIN_CHANGED,
          Map.of("holderChosePin", "true", "changedBeforeInterruption", Boolean.toString(before)),
          Map.of(InterventionField.PIN_CHOSEN_AT, log.clock().instant().toString()));
      log.done(Step.PIN_CHANGED, started, Message.of("step-done.pin-changed"));
    } finally {
      Arrays.fill(current, '\0');
      if (chosen != null) {
        Arrays.fill(chosen, '\0');
      }
    }
  }

  // A card pulled while it changed the PIN may have taken the new one without the station hearing
  // it: on resuming such a meeting, a refused current PIN is followed by the holder's chosen one.
  // Returns whether the PIN had been changed before the interruption.
  private boolean changeOrFindChanged(Token token, char[] current, char[] chosen)
      throws TokenException {
    try {
      token.changePin(current, chosen);
      return false;
    } catch (WrongPinException refused) {
      if (pinStage != PinStage.MAYBE_CHANGED) {
        throw refused;
      }
      token.verifyPin(chosen);
      return true;
    }
  }

  private ManagementKeyOutcome secureManagementKey(Token token) throws TokenException {
    return request.setup().secureManagementKey()
        ? token.secureManagementKey()
        : ManagementKeyOutcome.KEPT_BY_CHOICE;
  }

  /** The new key pair's public key, and the token's evidence that it generated the pair. */
  private record GeneratedKey(PublicKey publicKey, String evidence) {}

  private GeneratedKey generateKeyPair(Token token, ManagementKeyOutcome managementKey)
      throws TokenException, StoreException {
    long started = System.nanoTime();
    PublicKey publicKey = token.generateKeyPair(HOLDER_KEY_SLOT, request.keyType());
    // Recorded as the token states it (REG-6.2.2: the request alone does not show where the
    // key was generated); a backend that cannot tell fails the step rather than guess. A card
    // whose attestation names another key fails here, before the key is used.
    KeyEvidence keyEvidence = token.keyEvidence(HOLDER_KEY_SLOT);
    String evidence = CardRecordWords.evidence(keyEvidence, managementKey);
    String attestation = CardRecordWords.attestationPem(keyEvidence);
    String publicKeySha256 = Fingerprints.sha256Hex(publicKey.getEncoded());
    log.record(
        Step.KEY_GENERATED,
        Map.of(
            "algorithm", request.keyType().id(),
            "slot", HOLDER_KEY_SLOT.name(),
            "publicKeySha256", publicKeySha256,
            "attested", Boolean.toString(!keyEvidence.attestation().isEmpty()),
            "managementKey", managementKey.name()),
        Map.of(
            InterventionField.KEY_ALGORITHM, request.keyType().id(),
            InterventionField.KEY_EVIDENCE, evidence,
            InterventionField.KEY_ATTESTATION, attestation,
            InterventionField.PUBLIC_KEY_SHA256, publicKeySha256));
    log.done(
        Step.KEY_GENERATED,
        started,
        Message.of("step-done.key-generated", Message.of("key-type." + request.keyType().id())));
    return new GeneratedKey(publicKey, evidence);
  }

  private PKCS10CertificationRequest buildRequest(Token token, PublicKey publicKey)
      throws TokenException, StoreException, IOException, EnrollmentException {
    long started = System.nanoTime();
    PKCS10CertificationRequest built = signedRequest(token, publicKey);
    String pem = CertificateRequestFactory.toPem(built);
    String csrSha256 = Fingerprints.sha256Hex(built.getEncoded());
    String algorithm = request.keyType().isRsa() ? "SHA256withRSA" : "SHA256withECDSA";
    log.record(
        Step.REQUEST_BUILT,
        Map.of("csrSha256", csrSha256, "signatureAlgorithm", algorithm),
        Map.of(InterventionField.CSR_SHA256, csrSha256, InterventionField.CSR_PEM, pem));
    log.done(Step.REQUEST_BUILT, started, Message.of("step-done.request-built"));
    return built;
  }

  private PKCS10CertificationRequest signedRequest(Token token, PublicKey publicKey)
      throws TokenException, EnrollmentException {
    TokenDeviceKey key = new TokenDeviceKey(token, HOLDER_KEY_SLOT, publicKey);
    try {
      PKCS10CertificationRequest built =
          new CertificateRequestFactory()
              .build(RequestSubjects.of(request.enrollment().dossier()), key);
      List<String> problems =
          new ProfileConformance(RequestProfile.load(RequestProfile.PACK_ID_RGS2))
              .problems(built, publicKey);
      if (!problems.isEmpty()) {
        throw new InvalidRequestException(problems);
      }
      return built;
    } catch (DeviceSigningException e) {
      if (e.getCause() instanceof TokenException tokenFailure) {
        throw tokenFailure;
      }
      throw new TokenException(e.getMessage(), e);
    } catch (InvalidRequestException e) {
      throw log.interrupted("request: " + e.getMessage(), e);
    }
  }

  private Path writeRequest(PKCS10CertificationRequest built) throws IOException {
    return OutputFiles.write(
        request.outputDirectory(),
        log.interventionId() + "-request.pem",
        CertificateRequestFactory.toPem(built).getBytes(StandardCharsets.US_ASCII));
  }

  // The PIV backend names a card by its kind and firmware, in English; said in the reader's words.
  private static Object model(String model) {
    String prefix = "PIV card, firmware ";
    if (model.startsWith(prefix)) {
      return Message.of("card-model.piv-firmware", model.substring(prefix.length()));
    }
    return model.equals("PIV card") ? Message.of("card-model.piv") : model;
  }
}
