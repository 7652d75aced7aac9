package fr.aed.station.app.store;

import fr.aed.station.app.identity.NameFolding;
import java.util.ArrayList;
import java.util.List;

/** The SQL of a search, with its parameters in order. */
final class SearchQuery {

  final String sql;
  final List<Object> parameters;

  private SearchQuery(String sql, List<Object> parameters) {
    this.sql = sql;
    this.parameters = parameters;
  }

  static SearchQuery of(InterventionSearch search) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> parameters = new ArrayList<>();
    if (search.holder() != null) {
      where.append(" AND holder_folded LIKE ?");
      parameters.add(contains(search.holder()));
    }
    if (search.company() != null) {
      where.append(" AND company_folded LIKE ?");
      parameters.add(contains(search.company()));
    }
    if (search.from() != null) {
      where.append(" AND started_at >= ?");
      parameters.add(search.from().toString());
    }
    if (search.to() != null) {
      where.append(" AND started_at < ?");
      parameters.add(search.to().plusDays(1).toString());
    }
    if (search.status() != null) {
      where.append(" AND status = ?");
      parameters.add(search.status());
    }
    parameters.add(search.limit());
    return new SearchQuery(
        "SELECT * FROM intervention" + where + " ORDER BY started_at DESC, id LIMIT ?", parameters);
  }

  // Folded terms hold only letters, digits and single spaces: nothing LIKE would read as a
  // wildcard. A term of punctuation alone folds to nothing and matches nothing.
  private static String contains(String term) {
    String folded = NameFolding.folded(term);
    return folded.isEmpty() ? "" : "%" + folded + "%";
  }
}
