package fr.aed.station.crypto.cmp;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What the certificate authority answered to a request or a poll, once checked. */
public sealed interface CmpAnswer permits CmpAnswer.Issued, CmpAnswer.Waiting, CmpAnswer.Refused {

  /** The transaction to store and use for the next message. */
  CmpTransaction transaction();

  /**
   * The authority issued the certificate. Unless {@code implicitConfirm}, it waits for {@link
   * CmpClient#confirm}.
   *
   * @param certificate the holder's certificate
   * @param caCertificates the authority's caPubs and the answer's extraCerts other than its
   *     protection signer, possibly empty
   * @param implicitConfirm whether the authority granted implicit confirmation anyway (the station
   *     does not ask for it)
   */
  record Issued(
      CmpTransaction transaction,
      X509Certificate certificate,
      List<X509Certificate> caCertificates,
      boolean implicitConfirm)
      implements CmpAnswer {

    public Issued {
      Objects.requireNonNull(transaction, "transaction");
      Objects.requireNonNull(certificate, "certificate");
      caCertificates = List.copyOf(caCertificates);
    }
  }

  /**
   * The authority will issue later: poll again after {@code checkAfter}.
   *
   * @param reason the authority's statusString or reason, or ""
   */
  record Waiting(CmpTransaction transaction, Duration checkAfter, String reason)
      implements CmpAnswer {

    public Waiting {
      Objects.requireNonNull(transaction, "transaction");
      Objects.requireNonNull(checkAfter, "checkAfter");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The authority refused the request.
   *
   * @param status the PKIStatus name (rejection, revocationWarning...)
   * @param failInfo the names of the PKIFailureInfo bits set (badRequest, badPOP...), per RFC 4210
   * @param reason the statusString, its parts joined by "; ", or ""
   */
  record Refused(CmpTransaction transaction, String status, List<String> failInfo, String reason)
      implements CmpAnswer {

    public Refused {
      Objects.requireNonNull(transaction, "transaction");
      Objects.requireNonNull(status, "status");
      failInfo = List.copyOf(failInfo);
      Objects.requireNonNull(reason, "reason");
    }
  }
}
