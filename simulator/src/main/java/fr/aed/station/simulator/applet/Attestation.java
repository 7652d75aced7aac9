package fr.aed.station.simulator.applet;

import javacard.framework.Util;
import javacard.security.ECPublicKey;
import javacard.security.KeyPair;
import javacard.security.RSAPublicKey;
import javacard.security.RandomData;
import javacard.security.Signature;

/**
 * Yubico's key attestation: certificates for keys generated on the card, signed by the attestation
 * key of slot F9, whose own self-signed certificate is the object 5FFF01. Certificates are
 * assembled backwards in a work buffer: the TBSCertificate ends at {@link #TBS_END}, the signature
 * algorithm and value follow it.
 */
final class Attestation {

  // Where certificates are assembled in the work buffer: the TBS ends here.
  static final short TBS_END = 1600;
  private static final short SERIAL_SIZE = 16;

  private final KeyPair key;
  private final Signature ecdsa;
  private final RandomData random;
  private final byte[] scratch;
  // The end of the certificate sign() last assembled.
  private short certificateEnd;

  Attestation(KeyPair key, Signature ecdsa, RandomData random, byte[] scratch) {
    this.key = key;
    this.ecdsa = ecdsa;
    this.random = random;
    this.scratch = scratch;
  }

  /**
   * Writes into {@code object} the self-signed certificate of the attestation key, as a PIV
   * certificate object (70 certificate, 71 01 00 uncompressed, FE 00) the way tools read slot F9's;
   * returns its length. {@code work} is overwritten.
   */
  short writeOwnCertificate(byte[] work, byte[] object) {
    ECPublicKey publicKey = (ECPublicKey) key.getPublic();
    short extensions =
        AttestationCertificates.put(work, TBS_END, AttestationCertificates.CA_EXTENSIONS);
    short tbsStart =
        tbs(work, (byte) 0, AttestationCertificates.ecPublicKey(work, extensions, publicKey));
    short start = sign(work, tbsStart);
    short length = (short) (certificateEnd - start);
    short off = BerLength.write(object, (short) 1, length);
    object[0] = 0x70;
    off = Util.arrayCopyNonAtomic(work, start, object, off, length);
    object[off++] = 0x71;
    object[off++] = 0x01;
    object[off++] = 0x00;
    object[off++] = (byte) 0xFE;
    object[off++] = 0x00;
    return off;
  }

  /**
   * Writes at the start of {@code work} the certificate of the public key of {@code pair}, in the
   * slot {@code keyReference}; returns its length.
   */
  short certify(byte[] work, byte keyReference, KeyPair pair, boolean rsa) {
    short spki =
        rsa
            ? AttestationCertificates.rsaPublicKey(
                work, TBS_END, (RSAPublicKey) pair.getPublic(), scratch)
            : AttestationCertificates.ecPublicKey(work, TBS_END, (ECPublicKey) pair.getPublic());
    short start = sign(work, tbs(work, keyReference, spki));
    short length = (short) (certificateEnd - start);
    Util.arrayCopyNonAtomic(work, start, work, (short) 0, length);
    return length;
  }

  /**
   * Writes the TBSCertificate whose SubjectPublicKeyInfo starts at {@code start} and ends at
   * TBS_END; the subject names {@code slot} (or the attestation key itself when 0).
   */
  private short tbs(byte[] work, byte slot, short start) {
    start = AttestationCertificates.name(work, start, slot);
    start = AttestationCertificates.put(work, start, AttestationCertificates.VALIDITY);
    start = AttestationCertificates.name(work, start, (byte) 0);
    start = AttestationCertificates.put(work, start, AttestationCertificates.ECDSA_WITH_SHA256);
    start -= SERIAL_SIZE;
    random.generateData(work, start, SERIAL_SIZE);
    // A positive serial number of full length: DER allows no leading zero byte.
    work[start] = (byte) ((work[start] & 0x7F) | 0x40);
    start =
        AttestationCertificates.header(
            work, start, AttestationCertificates.TAG_INTEGER, SERIAL_SIZE);
    start = AttestationCertificates.put(work, start, AttestationCertificates.VERSION_3);
    return AttestationCertificates.header(
        work, start, AttestationCertificates.TAG_SEQUENCE, (short) (TBS_END - start));
  }

  // Signs the TBSCertificate at [tbsStart, TBS_END) with the attestation key, appends the
  // signature algorithm and value and wraps it all in the certificate's SEQUENCE; returns the
  // certificate's start and leaves its end in certificateEnd.
  private short sign(byte[] work, short tbsStart) {
    ecdsa.init(key.getPrivate(), Signature.MODE_SIGN);
    short signatureLength =
        ecdsa.sign(work, tbsStart, (short) (TBS_END - tbsStart), scratch, (short) 0);
    short off =
        Util.arrayCopyNonAtomic(
            AttestationCertificates.ECDSA_WITH_SHA256,
            (short) 0,
            work,
            TBS_END,
            (short) AttestationCertificates.ECDSA_WITH_SHA256.length);
    work[off++] = AttestationCertificates.TAG_BIT_STRING;
    off = BerLength.write(work, off, (short) (signatureLength + 1));
    work[off++] = 0x00;
    certificateEnd = Util.arrayCopyNonAtomic(scratch, (short) 0, work, off, signatureLength);
    return AttestationCertificates.header(
        work, tbsStart, AttestationCertificates.TAG_SEQUENCE, (short) (certificateEnd - tbsStart));
  }
}
