package fr.aed.station.app.store;

import fr.aed.station.app.domain.Officer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The officer who uses the station, recorded at first run: who they are (printed on the sheets) and
 * how the station reaches their card ({@code demo} or {@code pcsc:<reader name part>}).
 */
public final class OfficerProfiles {

  /**
   * The recorded officer.
   *
   * @param officer name, office, address and AED identifier
   * @param credential how to reach the officer's card
   */
  public record OfficerProfile(Officer officer, String credential) {}

  private final InterventionStore store;

  public OfficerProfiles(InterventionStore store) {
    this.store = store;
  }

  /**
   * Records (or replaces) the station's officer; journaled.
   *
   * @throws StoreException if the database cannot be written
   */
  public void save(OfficerProfile profile, Instant at) throws StoreException {
    Officer officer = profile.officer();
    store.journaled(
        InterventionStore.STATION,
        "OFFICER_PROFILE_SAVED",
        Map.of("name", officer.name(), "aedIdentifier", officer.aedIdentifier()),
        at,
        () -> {
          try (PreparedStatement upsert =
              store
                  .connection()
                  .prepareStatement(
                      "INSERT OR REPLACE INTO officer_profile (id, name, office, address,"
                          + " aed_identifier, credential, updated_at, trained_on, accreditation)"
                          + " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setString(1, officer.name());
            upsert.setString(2, officer.office());
            upsert.setString(3, officer.address());
            upsert.setString(4, officer.aedIdentifier());
            upsert.setString(5, profile.credential());
            upsert.setString(6, at.toString());
            upsert.setString(7, officer.trainedOn().toString());
            upsert.setString(8, officer.accreditation());
            upsert.executeUpdate();
          }
        });
  }

  /** The station's officer, if the first run recorded one. */
  public Optional<OfficerProfile> load() throws StoreException {
    try (PreparedStatement select =
            store.connection().prepareStatement("SELECT * FROM officer_profile WHERE id = 1");
        ResultSet row = select.executeQuery()) {
      Optional<OfficerProfile> found =
          row.next()
              ? Optional.of(
                  new OfficerProfile(
                      new Officer(
                          row.getString("name"),
                          row.getString("office"),
                          row.getString("address"),
                          row.getString("aed_identifier"),
                          trainedOn(row.getString("trained_on")),
                          Objects.toString(row.getString("accreditation"), "")),
                      row.getString("credential")))
              : Optional.empty();
      store.connection().commit();
      return found;
    } catch (SQLException e) {
      throw store.translate(e);
    }
  }

  // An officer recorded before the training date was kept has none: the oldest possible day, so
  // that the training gate refuses the meeting until the officer registers again.
  private static LocalDate trainedOn(String recorded) {
    return recorded == null ? LocalDate.EPOCH : LocalDate.parse(recorded);
  }
}
