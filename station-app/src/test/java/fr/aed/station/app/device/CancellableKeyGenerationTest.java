package fr.aed.station.app.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.aed.station.token.KeySlot;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.Token;
import fr.aed.station.token.TokenException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling the key generation on a simulated card kept in a file, so that the card a cancelled
 * generation left a key on is the one the resumed meeting generates on again.
 */
class CancellableKeyGenerationTest {

  private static final char[] PIN = TokenConnectors.SIMULATED_CARD_PIN.toCharArray();

  @TempDir Path dir;

  @Test
  void aCancelWhileTheCardGeneratesFailsTheGenerationWhenTheCardAnswers() throws Exception {
    Path card = dir.resolve("holder-card.state");
    AtomicReference<CancellableKeyGeneration> cancellable = new AtomicReference<>();
    AtomicReference<PublicKey> leftOnCard = new AtomicReference<>();
    cancellable.set(
        new CancellableKeyGeneration(
            () ->
                generating(
                    TokenConnectors.savedSimulatedCard(card).connect(),
                    // the officer clicks "Annuler" while the card works
                    () -> cancellable.get().cancel(),
                    leftOnCard)));

    try (Token token = cancellable.get().connect()) {
      token.verifyPin(PIN.clone());
      TokenException e =
          assertThrows(
              TokenException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
      assertTrue(e.getMessage().contains("replaced when the meeting is resumed"), e.getMessage());
    }
    assertTrue(leftOnCard.get() != null, "the card did generate: it cannot be interrupted");

    // The resumed meeting generates again in the same slot of the same card.
    PublicKey resumed;
    try (Token token =
        new CancellableKeyGeneration(TokenConnectors.savedSimulatedCard(card)).connect()) {
      token.verifyPin(PIN.clone());
      resumed = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      assertNotEquals(leftOnCard.get(), resumed);
      byte[] data = "demande".getBytes(StandardCharsets.UTF_8);
      byte[] signature = token.signSha256(KeySlot.SIGNATURE, data);
      assertTrue(verifies(resumed, data, signature), "the slot holds the resumed key");
      assertFalse(verifies(leftOnCard.get(), data, signature), "the cancelled key is gone");
    }
  }

  @Test
  void aCancelBeforeTheGenerationLeavesTheCardUntouched() throws Exception {
    AtomicInteger generations = new AtomicInteger();
    CancellableKeyGeneration cancellable =
        new CancellableKeyGeneration(
            () ->
                generating(
                    TokenConnectors.freshSimulatedCard().connect(),
                    generations::incrementAndGet,
                    new AtomicReference<>()));
    cancellable.cancel();

    try (Token token = cancellable.connect()) {
      token.verifyPin(PIN.clone());
      TokenException e =
          assertThrows(
              TokenException.class, () -> token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256));
      assertTrue(e.getMessage().contains("the card is unchanged"), e.getMessage());
    }
    assertEquals(0, generations.get(), "the card was never asked to generate");
  }

  @Test
  void withoutACancelTheKeyIsGeneratedAsUsual() throws Exception {
    CancellableKeyGeneration cancellable =
        new CancellableKeyGeneration(TokenConnectors.freshSimulatedCard());
    try (Token token = cancellable.connect()) {
      token.verifyPin(PIN.clone());
      PublicKey key = token.generateKeyPair(KeySlot.SIGNATURE, KeyType.P256);
      assertEquals("EC", key.getAlgorithm());
    }
    assertFalse(cancellable.cancelled());
  }

  // The card's token, with something happening as its key generation starts.
  private static Token generating(
      Token card, Runnable atGeneration, AtomicReference<PublicKey> generated) {
    return (Token)
        Proxy.newProxyInstance(
            Token.class.getClassLoader(),
            new Class<?>[] {Token.class},
            (proxy, method, args) -> {
              try {
                if (method.getName().equals("generateKeyPair")) {
                  atGeneration.run();
                  PublicKey key = (PublicKey) method.invoke(card, args);
                  generated.set(key);
                  return key;
                }
                return method.invoke(card, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static boolean verifies(PublicKey key, byte[] data, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance("SHA256withECDSA");
    verifier.initVerify(key);
    verifier.update(data);
    return verifier.verify(signature);
  }
}
