package jnasmartcardio;

import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.util.function.UnaryOperator;
import javax.smartcardio.ATR;
import javax.smartcardio.CardChannel;

/**
 * A channel of the provider on a scripted libpcsclite, whose SCardTransmit a function answers: the
 * provider's own transmission code runs, without pcscd. In the provider's package because its
 * Winscard bindings are package-private; for tests only.
 */
public final class ScriptedLibpcsclite {

  private ScriptedLibpcsclite() {}

  /** A T=1 card's basic channel; every SCardTransmit is answered by {@code card}. */
  public static CardChannel channel(UnaryOperator<byte[]> card) {
    Winscard.WinscardLibrary library =
        (Winscard.WinscardLibrary)
            Proxy.newProxyInstance(
                ScriptedLibpcsclite.class.getClassLoader(),
                new Class<?>[] {Winscard.WinscardLibrary.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("SCardTransmit")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  ByteBuffer command = (ByteBuffer) args[2];
                  byte[] apdu = new byte[((Winscard.Dword) args[3]).intValue()];
                  command.duplicate().get(apdu);
                  byte[] answer = card.apply(apdu);
                  ((ByteBuffer) args[5]).duplicate().put(answer);
                  ((Winscard.DwordByReference) args[6]).setValue(new Winscard.Dword(answer.length));
                  return new Winscard.Dword(0);
                });
    Winscard.WinscardLibInfo info = new Winscard.WinscardLibInfo(library, null, null, null);
    Smartcardio.JnaCard connected =
        new Smartcardio.JnaCard(
            info,
            new Smartcardio.JnaCardTerminal(info, null, "Scripted reader"),
            new Winscard.SCardHandle(1),
            new ATR(new byte[] {0x3B, 0x00}),
            Smartcardio.JnaCardTerminal.SCARD_PROTOCOL_T1);
    return connected.getBasicChannel();
  }
}
