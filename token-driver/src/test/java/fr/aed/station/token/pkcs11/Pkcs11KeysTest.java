package fr.aed.station.token.pkcs11;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import fr.aed.station.token.LoginRequiredException;
import fr.aed.station.token.TokenException;
import fr.aed.station.token.TokenFullException;
import java.security.ProviderException;
import java.security.SignatureException;
import org.junit.jupiter.api.Test;

/**
 * SunPKCS11 names the module's error only in the message of its internal exception, wrapped in
 * {@link ProviderException} or a {@code GeneralSecurityException}: the names that mean something to
 * the station become its exceptions. (A full SoftHSM2 token is not practical to reach.)
 */
class Pkcs11KeysTest {

  @Test
  void aFullTokenIsReportedAsSuch() {
    TokenException full =
        Pkcs11Keys.translate(
            "key generation", new ProviderException(new Exception("CKR_DEVICE_MEMORY")));
    assertInstanceOf(TokenFullException.class, full);
    assertEquals("the token is full: key generation failed", full.getMessage());
  }

  @Test
  void aMissingLoginIsReportedAsSuch() {
    assertInstanceOf(
        LoginRequiredException.class,
        Pkcs11Keys.translate(
            "signing",
            new SignatureException("sign failed", new Exception("CKR_USER_NOT_LOGGED_IN"))));
  }

  @Test
  void otherFailuresKeepTheModulesWords() {
    TokenException other =
        Pkcs11Keys.translate("signing", new ProviderException("CKR_FUNCTION_FAILED"));
    assertEquals(TokenException.class, other.getClass());
    assertEquals("signing failed: CKR_FUNCTION_FAILED", other.getMessage());
  }
}
