package fr.aed.station.crypto.pades;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The signature timestamp of a CAdES signature (RFC 3161 appendix A, ETSI EN 319 122-1 5.3): the
 * unsigned attribute id-aa-signatureTimeStampToken, a timestamp token over the SignerInfo's
 * signature value.
 */
final class SignatureTimestamp {

  private SignatureTimestamp() {}

  /**
   * Adds a signature timestamp from the authority to the only signer of the CMS.
   *
   * @return a copy of the CMS whose SignerInfo carries the token
   * @throws TimestampException if the authority fails, or its token does not cover this signature
   *     value or does not verify with the certificate it carries
   */
  static CMSSignedData add(CMSSignedData cms, TimestampAuthority authority)
      throws TimestampException {
    SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
    byte[] signatureValue = signer.getSignature();
    TimeStampToken token =
        parse(authority.timestamp(BaselineSignedAttributes.sha256(signatureValue)));
    TimestampCheck check = TimestampCheck.of(token, signatureValue);
    if (!check.imprintMatches()) {
      throw new TimestampException("the timestamp token does not cover the signature value");
    }
    if (!check.tokenVerifies()) {
      throw new TimestampException(
          "the timestamp token does not verify with the certificate it carries");
    }
    SignerInformation stamped =
        SignerInformation.replaceUnsignedAttributes(signer, withToken(signer, token));
    return CMSSignedData.replaceSigners(cms, new SignerInformationStore(List.of(stamped)));
  }

  /** The check of the signer's first signature timestamp, if it has one. */
  static Optional<TimestampCheck> check(SignerInformation signer) {
    AttributeTable unsigned = signer.getUnsignedAttributes();
    Attribute attribute =
        unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
    if (attribute == null || attribute.getAttrValues().size() == 0) {
      return Optional.empty();
    }
    try {
      TimeStampToken token =
          new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
      return Optional.of(TimestampCheck.of(token, signer.getSignature()));
    } catch (TSPException | IOException | IllegalArgumentException | ClassCastException e) {
      // BC reports malformed DER as unchecked exceptions; the attribute is there, and not valid.
      return Optional.of(new TimestampCheck(null, "", false, false));
    }
  }

  private static AttributeTable withToken(SignerInformation signer, TimeStampToken token) {
    ASN1Encodable value = token.toCMSSignedData().toASN1Structure();
    Attribute attribute =
        new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(value));
    AttributeTable unsigned = signer.getUnsignedAttributes();
    return unsigned == null
        ? new AttributeTable(attribute)
        : unsigned.add(attribute.getAttrType(), value);
  }

  private static TimeStampToken parse(byte[] token) throws TimestampException {
    try {
      return new TimeStampToken(ContentInfo.getInstance(token));
    } catch (TSPException | IOException | IllegalArgumentException | ClassCastException e) {
      throw new TimestampException("the timestamp authority's answer is not a timestamp token", e);
    }
  }
}
