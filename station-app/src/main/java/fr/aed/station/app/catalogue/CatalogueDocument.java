package fr.aed.station.app.catalogue;

import fr.aed.station.app.domain.IdentityDocumentType;
import java.util.List;
import java.util.Optional;

/**
 * One accepted document type of the catalogue (VAL-8.3.1-05: accepted types; -06X: trusted
 * issuers).
 *
 * @param id its identifier, recorded with the examination
 * @param type the kind of document the meeting record names
 * @param issuingStates the issuing states (ISO 3166 alpha-3) this entry covers
 * @param name its name
 * @param issuer who issues it
 * @param validity its validity rules, in words
 * @param reference where the officer finds its reference description (a PRADO entry)
 * @param features its security features, from which the station draws
 */
public record CatalogueDocument(
    String id,
    IdentityDocumentType type,
    List<String> issuingStates,
    LocalText name,
    LocalText issuer,
    LocalText validity,
    String reference,
    List<SecurityFeature> features) {

  public CatalogueDocument {
    issuingStates = List.copyOf(issuingStates);
    features = List.copyOf(features);
  }

  /** The feature named {@code featureId}, if this document has it. */
  public Optional<SecurityFeature> feature(String featureId) {
    return features.stream().filter(feature -> feature.id().equals(featureId)).findFirst();
  }

  /**
   * Whether this entry covers a document of {@code documentType} issued by {@code state}, as the
   * MRZ writes it: Germany's {@code D<<} is the catalogue's {@code D}.
   */
  public boolean covers(IdentityDocumentType documentType, String state) {
    return type == documentType && issuingStates.contains(state.replace("<", ""));
  }
}
