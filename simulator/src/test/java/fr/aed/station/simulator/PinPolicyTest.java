package fr.aed.station.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.PublicKey;
import java.security.SecureRandom;
import javax.smartcardio.ResponseAPDU;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PIN policy of each key (SP 800-73-4 part 1, table 4b, and YubiKeys' defaults): 9A and 9D once
 * per selection, 9C right before every signature, 9E never; on YubiKeys, the policy given at
 * generation (tag AA). On every profile: a client that misunderstands it fails here as on a card.
 */
class PinPolicyTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void strictness_managementKeyAuthenticationBetweenVerifyAndA9cSignatureGets6982(
      CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey key = card.generate(0x9C, 0x11);
      card.session.verifyDefaultPin();
      card.session.authenticateManagementKey();
      assertEquals(0x6982, card.sign(0x9C, 0x11).getSW());
      card.session.verifyDefaultPin();
      card.assertSigns(0x9C, 0x11, key);
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void verifyRightBeforeEach9cSignatureSignsTwiceInARow(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey key = card.generate(0x9C, 0x11);
      card.session.verifyDefaultPin();
      card.assertSigns(0x9C, 0x11, key);
      card.session.verifyDefaultPin();
      card.assertSigns(0x9C, 0x11, key);
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void oneVerifyIsUsedUpByOne9cSignature(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey key = card.generate(0x9C, 0x11);
      card.session.verifyDefaultPin();
      card.assertSigns(0x9C, 0x11, key);
      assertEquals(0x6982, card.sign(0x9C, 0x11).getSW());
      assertEquals(0x9000, card.session.send("00200080").getSW(), "still verified for 9A, 9D");
    }
  }

  // Any command between the VERIFY and the signature cancels it: a status VERIFY, a VERIFY that
  // fails, GET DATA, GET VERSION, SELECT (of the PIV application or of another), an unknown
  // instruction, a wrong class.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "00200080",
        "00200080083939393939393939",
        "00CB3FFF035C017E",
        "00FD0000",
        "00A4040005A000000308",
        "00A4040005A000000999",
        "00110000",
        "80200080",
        "00F80000"
      })
  void anyCommandBetweenVerifyAndA9cSignatureCancelsIt(String between) throws Exception {
    try (Card card = Card.insert(CardProfile.YUBIKEY_5_7)) {
      card.generate(0x9C, 0x11);
      card.session.verifyDefaultPin();
      card.session.send(between);
      assertEquals(0x6982, card.sign(0x9C, 0x11).getSW(), "after " + between);
    }
  }

  // Neither GET RESPONSE nor the first parts of the signature's own command chain come between.
  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void getResponseAndTheSignaturesOwnChainDoNotCancelIt(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey key = card.generate(0x9C, 0x07);
      card.session.verifyDefaultPin();
      assertEquals(0x6985, card.session.send("00C0000000").getSW(), "nothing to get");
      // 266 bytes of template: two APDUs, CLA 10 then 00, and the answer through GET RESPONSE.
      card.assertSigns(0x9C, 0x07, key);
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void a9aKeySignsTwiceAfterOneVerifyEvenWithCommandsBetween(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey key = card.generate(0x9A, 0x11);
      assertEquals(0x6982, card.sign(0x9A, 0x11).getSW());
      card.session.verifyDefaultPin();
      card.assertSigns(0x9A, 0x11, key);
      card.session.authenticateManagementKey();
      card.session.send("00CB3FFF035C017E");
      card.assertSigns(0x9A, 0x11, key);
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void theOncePinOf9aAnd9dIsDroppedBySelectAndReset(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey authentication = card.generate(0x9A, 0x11);
      PublicKey keyManagement = card.generate(0x9D, 0x14);
      card.session.verifyDefaultPin();
      card.assertSigns(0x9D, 0x14, keyManagement);
      card.session.select();
      assertEquals(0x6982, card.sign(0x9A, 0x11).getSW());
      assertEquals(0x6982, card.sign(0x9D, 0x14).getSW());
      card.session.verifyDefaultPin();
      card.assertSigns(0x9A, 0x11, authentication);
      card.simulated.reset();
      card.session.select();
      assertEquals(0x6982, card.sign(0x9A, 0x11).getSW());
    }
  }

  @ParameterizedTest
  @EnumSource(CardProfile.class)
  void a9eKeySignsWithoutPin(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      PublicKey key = card.generate(0x9E, 0x11);
      card.session.select();
      card.assertSigns(0x9E, 0x11, key);
      card.assertSigns(0x9E, 0x11, key);
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = CardProfile.class,
      names = {"YUBIKEY_5_4", "YUBIKEY_5_7"})
  void generateKeepsThePinPolicyOfTagAaWithTheKey(CardProfile profile) throws Exception {
    try (Card card = Card.insert(profile)) {
      // 9C with PIN never, 9E with PIN always, 9A with 00 (its default, once); touch accepted.
      PublicKey never = card.generate("0047009C0BAC09800111AA0101AB0102");
      PublicKey always = card.generate("0047009E08AC06800111AA0103");
      PublicKey once = card.generate("0047009A08AC06800111AA0100");
      card.assertSigns(0x9C, 0x11, never);
      assertEquals(0x6982, card.sign(0x9E, 0x11).getSW());
      card.session.verifyDefaultPin();
      card.assertSigns(0x9E, 0x11, always);
      assertEquals(0x6982, card.sign(0x9E, 0x11).getSW());
      card.assertSigns(0x9A, 0x11, once);
      card.assertSigns(0x9A, 0x11, once);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0047009A08AC06800111AA0104", // PIN policy out of range
        "0047009A08AC06800111AB0104", // touch policy out of range
        "0047009A09AC07800111AA020101", // two bytes of policy
        "0047009A0BAC09800111AA0101AA0102", // the policy twice
        "0047009A08AC068001118101FF", // an unknown tag
        "0047009A08AC08AA0101800107", // malformed: the template is longer than its content
        "0047009A05AC03AA0101", // no algorithm
      })
  void generateRefusesMalformedTemplatesWith6a80(String command) throws Exception {
    try (Card card = Card.insert(CardProfile.YUBIKEY_5_7)) {
      assertEquals(0x6A80, card.session.send(command).getSW(), command);
      assertEquals(0x6A88, card.sign(0x9A, 0x11).getSW(), "no key was made");
    }
  }

  /** A selected card whose management key is authenticated. */
  private record Card(SimulatedCard simulated, CardSession session) implements AutoCloseable {

    static Card insert(CardProfile profile) throws Exception {
      SimulatedCard simulated = SimulatedCard.insert(profile);
      CardSession session = new CardSession(simulated);
      session.select();
      session.authenticateManagementKey();
      return new Card(simulated, session);
    }

    PublicKey generate(int slot, int algorithm) throws Exception {
      return session.generate(slot, algorithm);
    }

    PublicKey generate(String command) throws Exception {
      ResponseAPDU answer = session.sendAll(command);
      assertEquals(0x9000, answer.getSW(), command);
      return CardSession.publicKey(answer.getData());
    }

    ResponseAPDU sign(int slot, int algorithm) throws Exception {
      int length = algorithm == 0x07 ? 256 : 32;
      byte[] input = new byte[length];
      input[length - 1] = 1;
      return session.sign(slot, algorithm, input);
    }

    void assertSigns(int slot, int algorithm, PublicKey key) throws Exception {
      byte[] hash = new byte[32];
      RANDOM.nextBytes(hash);
      ResponseAPDU signed = session.sign(slot, algorithm, CardSession.signInput(key, hash));
      assertEquals(0x9000, signed.getSW(), String.format("signature with %02X", slot));
      assertTrue(
          CardSession.verifies(key, hash, CardSession.signature(signed)),
          String.format("the key of %02X is the one generated", slot));
    }

    @Override
    public void close() throws Exception {
      session.close();
      simulated.close();
    }
  }
}
