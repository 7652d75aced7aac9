package fr.aed.station.crypto.trust;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The authorities the station trusts to certify officers, configured outside the data folder, and
 * the revocation lists it was given. Every certificate of the list is an anchor: the authority that
 * issues officers' certificates (a root or an issuing authority) is put in it directly.
 */
public final class TrustList {

  private static final long MAX_LIST_BYTES = 4L * 1024 * 1024;
  private static final long MAX_CRL_BYTES = 256L * 1024 * 1024;

  private final List<TrustedAuthority> anchors;
  private final Map<X509CRL, TrustedAuthority> revocations;

  private TrustList(List<TrustedAuthority> anchors, Map<X509CRL, TrustedAuthority> revocations) {
    this.anchors = List.copyOf(anchors);
    this.revocations = revocations;
  }

  /** A list without any anchor: nothing can be trusted with it. */
  public static TrustList empty() {
    return new TrustList(List.of(), new IdentityHashMap<>());
  }

  /**
   * Reads a PEM file of authorities' certificates.
   *
   * @throws TrustListException if the file cannot be read, holds no certificate, or holds something
   *     that is not a certificate
   */
  public static TrustList read(Path pemFile) throws TrustListException {
    byte[] bytes = readBounded(pemFile, "trust list", MAX_LIST_BYTES);
    Collection<? extends java.security.cert.Certificate> read;
    try {
      read =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
    } catch (CertificateException e) {
      throw new TrustListException(
          "the trust list " + pemFile + " is not a PEM file of certificates: " + e.getMessage(), e);
    }
    if (read.isEmpty()) {
      throw new TrustListException("the trust list " + pemFile + " holds no certificate");
    }
    List<TrustedAuthority> anchors = new ArrayList<>();
    read.forEach(c -> anchors.add(new TrustedAuthority((X509Certificate) c, false)));
    return new TrustList(anchors, new IdentityHashMap<>());
  }

  /**
   * Reads a certificate revocation list, DER or PEM.
   *
   * @throws TrustListException if the file cannot be read or is not a CRL
   */
  public static X509CRL readRevocationList(Path file) throws TrustListException {
    byte[] bytes = readBounded(file, "revocation list", MAX_CRL_BYTES);
    try {
      X509CRL crl =
          (X509CRL)
              CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
      if (crl == null) {
        throw new TrustListException("the revocation list " + file + " holds no CRL");
      }
      return crl;
    } catch (CRLException | CertificateException | ClassCastException e) {
      throw new TrustListException(
          "the revocation list " + file + " is not a CRL: " + e.getMessage(), e);
    }
  }

  /** This list with one more anchor. */
  public TrustList with(TrustedAuthority anchor) {
    List<TrustedAuthority> more = new ArrayList<>(anchors);
    more.add(anchor);
    return new TrustList(more, revocations);
  }

  /**
   * This list with a revocation list, which must be signed by one of its anchors.
   *
   * @throws TrustListException if no anchor of the list signed it
   */
  public TrustList withRevocations(X509CRL crl, String name) throws TrustListException {
    TrustedAuthority issuer =
        signerOf(crl)
            .orElseThrow(
                () ->
                    new TrustListException(
                        "the revocation list "
                            + name
                            + " is not signed by an authority of the trust list (issuer "
                            + crl.getIssuerX500Principal().getName()
                            + ")"));
    Map<X509CRL, TrustedAuthority> more = new IdentityHashMap<>(revocations);
    more.put(crl, issuer);
    return new TrustList(anchors, more);
  }

  /** The anchors, in the order they were given. */
  public List<TrustedAuthority> anchors() {
    return anchors;
  }

  /** Whether the list has no anchor. */
  public boolean isEmpty() {
    return anchors.isEmpty();
  }

  /** The revocation lists signed by {@code anchor}. */
  List<X509CRL> revocationsBy(TrustedAuthority anchor) {
    List<X509CRL> by = new ArrayList<>();
    revocations.forEach(
        (crl, issuer) -> {
          if (issuer.equals(anchor)) {
            by.add(crl);
          }
        });
    return by;
  }

  private Optional<TrustedAuthority> signerOf(X509CRL crl) {
    for (TrustedAuthority anchor : anchors) {
      if (!anchor.certificate().getSubjectX500Principal().equals(crl.getIssuerX500Principal())) {
        continue;
      }
      try {
        crl.verify(anchor.certificate().getPublicKey());
        return Optional.of(anchor);
      } catch (GeneralSecurityException e) {
        // Same name, another key: try the next anchor.
      }
    }
    return Optional.empty();
  }

  private static byte[] readBounded(Path file, String what, long max) throws TrustListException {
    try {
      if (Files.size(file) > max) {
        throw new TrustListException(
            "the " + what + " " + file + " is over " + (max >> 20) + " MiB");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new TrustListException("the " + what + " " + file + " does not exist", e);
    } catch (IOException e) {
      throw new TrustListException(
          "cannot read the " + what + " " + file + ": " + e.getMessage(), e);
    }
  }
}
