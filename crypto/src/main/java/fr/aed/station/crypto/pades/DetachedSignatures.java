package fr.aed.station.crypto.pades;

import fr.aed.station.crypto.DeviceKey;
import fr.aed.station.crypto.DeviceSigningException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Detached CMS signatures over small documents other than sheets (the journal's checkpoints), made
 * on the officer's device as the sheet's are, optionally timestamped (RFC 3161).
 */
public final class DetachedSignatures {

  private DetachedSignatures() {}

  /**
   * What a detached signature says about itself, before any trust decision.
   *
   * @param valid whether it is one signer's signature that verifies over the content with the
   *     certificate it names
   * @param chain the signer's certificate first, then the others the CMS carries
   * @param timestamp the check of its signature timestamp, if it has one
   */
  public record Verified(
      boolean valid, List<X509Certificate> chain, Optional<TimestampCheck> timestamp) {

    public Verified {
      chain = List.copyOf(chain);
    }
  }

  /**
   * Signs {@code content} with the device key; with an authority, the signature is timestamped.
   *
   * @param chain the signing certificate first, then the certificates that issued it
   * @return the DER of a CMS SignedData without encapsulated content
   * @throws DeviceSigningException if the device refuses or fails to sign
   * @throws SheetSigningException if the CMS structure cannot be built
   * @throws TimestampException if the authority fails
   */
  public static byte[] sign(
      byte[] content,
      DeviceKey key,
      List<X509Certificate> chain,
      Optional<TimestampAuthority> timestamps)
      throws DeviceSigningException, SheetSigningException, TimestampException {
    CMSSignedData signed = DetachedCmsSignature.sign(content, key, chain);
    if (timestamps.isPresent()) {
      signed = SignatureTimestamp.add(signed, timestamps.get());
    }
    return DetachedCmsSignature.der(signed);
  }

  /** Checks a detached signature over {@code content}; never throws for bad bytes. */
  public static Verified verify(byte[] content, byte[] der) {
    try {
      CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), der);
      Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
      if (signers.size() != 1) {
        return new Verified(false, List.of(), Optional.empty());
      }
      SignerInformation signer = signers.iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> named = cms.getCertificates().getMatches(signer.getSID());
      if (named.isEmpty()) {
        return new Verified(false, List.of(), Optional.empty());
      }
      X509CertificateHolder signing = named.iterator().next();
      boolean valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(signing));
      return new Verified(valid, chain(signing, cms), SignatureTimestamp.check(signer));
    } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
      // BC reports malformed DER as unchecked exceptions: a signature that does not verify.
      return new Verified(false, List.of(), Optional.empty());
    }
  }

  private static List<X509Certificate> chain(X509CertificateHolder signing, CMSSignedData cms)
      throws CertificateException {
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    List<X509Certificate> chain = new ArrayList<>();
    chain.add(converter.getCertificate(signing));
    @SuppressWarnings("unchecked")
    Collection<X509CertificateHolder> all = cms.getCertificates().getMatches(null);
    for (X509CertificateHolder other : all) {
      if (!other.equals(signing)) {
        chain.add(converter.getCertificate(other));
      }
    }
    return chain;
  }
}
