package fr.aed.station.crypto.cmp;

import fr.aed.station.crypto.DeviceContentSigner;
import fr.aed.station.crypto.SoftwareDeviceKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;

/** SHA-256 requests signed by a software key, as the holder's card would sign them. */
final class HolderRequests {

  private HolderRequests() {}

  static PKCS10CertificationRequest of(SoftwareDeviceKey key, String commonName) {
    return new PKCS10CertificationRequestBuilder(
            new X500Name("CN=" + commonName + ",O=Atelier Lumiere SAS,C=FR"),
            SubjectPublicKeyInfo.getInstance(key.publicKey().getEncoded()))
        .build(new DeviceContentSigner(key));
  }
}
