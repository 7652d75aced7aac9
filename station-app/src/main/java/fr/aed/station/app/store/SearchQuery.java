package fr.aed.station.app.store;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
      where.append(" AND holder_folded LIKE ? ESCAPE '\\'");
      parameters.add(contains(search.holder()));
    }
    if (search.company() != null) {
      where.append(" AND company_folded LIKE ? ESCAPE '\\'");
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

  /** Upper case, no accents, hyphens and apostrophes as spaces: how names are searched. */
  static String folded(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .replaceAll("[-'’]", " ")
        .replaceAll("\\s+", " ")
        .trim()
        .toUpperCase(Locale.ROOT);
  }

  private static String contains(String term) {
    String escaped = folded(term).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }
}
