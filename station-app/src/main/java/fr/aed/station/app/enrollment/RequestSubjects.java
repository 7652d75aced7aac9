package fr.aed.station.app.enrollment;

import fr.aed.station.app.domain.Dossier;
import fr.aed.station.crypto.csr.RequestSubject;

/** The certificate request's subject, from the dossier. */
final class RequestSubjects {

  private RequestSubjects() {}

  static RequestSubject of(Dossier dossier) {
    return RequestSubject.forFrenchCompany(
        String.join(" ", dossier.holder().givenNames()),
        dossier.holder().surname(),
        dossier.company().name(),
        dossier.company().siret(),
        dossier.holder().email());
  }
}
