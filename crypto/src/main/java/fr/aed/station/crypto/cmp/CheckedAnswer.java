package fr.aed.station.crypto.cmp;

import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIHeader;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.cmp.GeneralPKIMessage;

/**
 * An answer whose protection, transaction and nonce were checked.
 *
 * @param signer the certificate that signed it, or null when MAC-protected
 */
record CheckedAnswer(GeneralPKIMessage message, X509CertificateHolder signer) {

  PKIHeader header() {
    return message.getHeader();
  }

  PKIBody body() {
    return message.getBody();
  }

  /** The transaction to go on with: its ID, the given certReqId and this answer's nonce. */
  CmpTransaction transaction(int certReqId) {
    HexFormat hex = HexFormat.of();
    ASN1OctetString nonce = header().getSenderNonce();
    return new CmpTransaction(
        hex.formatHex(header().getTransactionID().getOctets()),
        certReqId,
        nonce == null ? "" : hex.formatHex(nonce.getOctets()));
  }
}
