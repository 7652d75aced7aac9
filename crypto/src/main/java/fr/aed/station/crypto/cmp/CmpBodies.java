package fr.aed.station.crypto.cmp;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.cmp.PKIBody;
import org.bouncycastle.asn1.cmp.PKIFreeText;
import org.bouncycastle.asn1.cmp.PKIStatusInfo;

/** The names RFC 4210 gives to body types, statuses and failure bits, for messages and answers. */
final class CmpBodies {

  private static final List<String> BODY_TYPES =
      List.of(
          "ir",
          "ip",
          "cr",
          "cp",
          "p10cr",
          "popdecc",
          "popdecr",
          "kur",
          "kup",
          "krr",
          "krp",
          "rr",
          "rp",
          "ccr",
          "ccp",
          "ckuann",
          "cann",
          "rann",
          "crlann",
          "pkiconf",
          "nested",
          "genm",
          "genp",
          "error",
          "certConf",
          "pollReq",
          "pollRep");

  private static final List<String> STATUSES =
      List.of(
          "accepted",
          "grantedWithMods",
          "rejection",
          "waiting",
          "revocationWarning",
          "revocationNotification",
          "keyUpdateWarning");

  // RFC 4210 appendix F, PKIFailureInfo, in bit order.
  private static final List<String> FAILURE_BITS =
      List.of(
          "badAlg",
          "badMessageCheck",
          "badRequest",
          "badTime",
          "badCertId",
          "badDataFormat",
          "wrongAuthority",
          "incorrectData",
          "missingTimeStamp",
          "badPOP",
          "certRevoked",
          "certConfirmed",
          "wrongIntegrity",
          "badRecipientNonce",
          "timeNotAvailable",
          "unacceptedPolicy",
          "unacceptedExtension",
          "addInfoNotAvailable",
          "badSenderNonce",
          "badCertTemplate",
          "signerNotTrusted",
          "transactionIdInUse",
          "unsupportedVersion",
          "notAuthorized",
          "systemUnavail",
          "systemFailure",
          "duplicateCertReq");

  private CmpBodies() {}

  static String name(PKIBody body) {
    int type = body.getType();
    return type >= 0 && type < BODY_TYPES.size() ? BODY_TYPES.get(type) : "body type " + type;
  }

  static String statusName(PKIStatusInfo info) {
    BigInteger status = info.getStatus();
    return status.signum() >= 0 && status.compareTo(BigInteger.valueOf(STATUSES.size())) < 0
        ? STATUSES.get(status.intValue())
        : "status " + status;
  }

  /** The names of the failure bits set, in bit order; "bit N" for bits RFC 4210 does not name. */
  static List<String> failures(PKIStatusInfo info) {
    ASN1BitString bits = info.getFailInfo();
    List<String> names = new ArrayList<>();
    if (bits == null) {
      return names;
    }
    byte[] octets = bits.getBytes();
    for (int bit = 0; bit < octets.length * 8; bit++) {
      if ((octets[bit / 8] & (0x80 >> (bit % 8))) != 0) {
        names.add(bit < FAILURE_BITS.size() ? FAILURE_BITS.get(bit) : "bit " + bit);
      }
    }
    return names;
  }

  /** The strings of a free text joined by "; ", or "" when there is none. */
  static String text(PKIFreeText text) {
    if (text == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      parts.add(text.getStringAtUTF8(i).getString());
    }
    return String.join("; ", parts);
  }
}
