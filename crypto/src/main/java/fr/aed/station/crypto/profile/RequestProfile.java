package fr.aed.station.crypto.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a certificate authority's product requires of a certificate request, read from a profile
 * file (one file per product, data rather than code).
 *
 * @param id the profile's file name without extension, such as {@code pack-id-rgs2}
 * @param product the product's name
 * @param policy the certificate policy, as printed on the sheet
 * @param requiredAttributes subject attributes that must be present (C, givenName, surname, CN, O,
 *     organizationIdentifier, OU, serialNumber)
 * @param country the country the subject's C must carry
 * @param organizationIdentifierFormat the organizationIdentifier, with {@code {siret}} in place
 * @param organizationalUnitFormat the OU, with {@code {siret}} in place
 * @param emailRequired whether the holder's e-mail must be in subjectAltName
 * @param minimumRsaBits the smallest RSA modulus accepted
 * @param curves the EC curves accepted, such as P-256
 * @param signatureAlgorithms the request signature algorithms accepted
 */
public record RequestProfile(
    String id,
    String product,
    String policy,
    List<String> requiredAttributes,
    String country,
    String organizationIdentifierFormat,
    String organizationalUnitFormat,
    boolean emailRequired,
    int minimumRsaBits,
    List<String> curves,
    List<String> signatureAlgorithms) {

  /** The profile of the qualified "Pack ID RGS**" product. */
  public static final String PACK_ID_RGS2 = "pack-id-rgs2";

  /**
   * Loads a bundled profile by its identifier.
   *
   * @throws IllegalArgumentException if no profile has this identifier, or it is incomplete
   */
  public static RequestProfile load(String id) {
    return fromProperties(id, bundled(id));
  }

  /**
   * Every setting of this profile's bundled file, including those about the certificate the
   * authority issues ({@code certificate.*}), read by the packages that check other things than the
   * request.
   *
   * @throws IllegalArgumentException if no bundled profile has this profile's identifier
   */
  public Properties settings() {
    return bundled(id);
  }

  private static Properties bundled(String id) {
    try (InputStream in = RequestProfile.class.getResourceAsStream(id + ".properties")) {
      if (in == null) {
        throw new IllegalArgumentException("no request profile named " + id);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return properties;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read request profile " + id, e);
    }
  }

  static RequestProfile fromProperties(String id, Properties p) {
    return new RequestProfile(
        id,
        required(p, "product"),
        required(p, "policy"),
        list(required(p, "subject.required")),
        required(p, "subject.country"),
        p.getProperty("subject.organizationIdentifier", ""),
        p.getProperty("subject.OU", ""),
        Boolean.parseBoolean(p.getProperty("email.required", "false")),
        Integer.parseInt(required(p, "key.rsa.minimumBits")),
        list(required(p, "key.ec.curves")),
        list(required(p, "signature.algorithms")));
  }

  /** The organizationIdentifier this profile expects for the company. */
  public String organizationIdentifierFor(String siret) {
    return organizationIdentifierFormat.replace("{siret}", siret);
  }

  /** The OU this profile expects for the company. */
  public String organizationalUnitFor(String siret) {
    return organizationalUnitFormat.replace("{siret}", siret);
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("request profile misses " + key);
    }
    return value.strip();
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
