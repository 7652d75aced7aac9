package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.DeviceRecord;
import fr.aed.station.crypto.Fingerprints;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.TokenDescription;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * What the token steps produced.
 *
 * @param token the token's identity
 * @param publicKey the key pair's public half, as the token returned it
 * @param keyEvidence how the key is known to have been generated on the token
 * @param request the signed and checked certificate request
 * @param requestPath where the request was written (PEM)
 */
record TokenResult(
    TokenDescription token,
    PublicKey publicKey,
    String keyEvidence,
    PKCS10CertificationRequest request,
    Path requestPath) {

  /** The device as printed on the sheet and put in the manifest. */
  DeviceRecord deviceRecord(KeyType keyType) throws IOException {
    return new DeviceRecord(
        token.backend(),
        token.model(),
        token.serial(),
        keyType.id(),
        keyEvidence,
        Fingerprints.sha256Hex(publicKey.getEncoded()),
        Fingerprints.sha256Hex(request.getEncoded()));
  }
}
