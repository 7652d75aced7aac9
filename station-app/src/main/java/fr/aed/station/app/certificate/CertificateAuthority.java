package fr.aed.station.app.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.aed.station.crypto.certificate.CertificateFileException;
import fr.aed.station.crypto.certificate.CertificateFiles;
import fr.aed.station.crypto.cmp.CmpEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * The certificate authority as the station is configured for it, from {@value #STATION_FILE} in the
 * data folder: its name, its certificates (what an issued certificate must chain to, and what signs
 * its CMP answers) and, when it takes requests by CMP, how to reach it.
 *
 * @param name the authority's name, as the officer reads it
 * @param certificates the authority's certificates the station trusts
 * @param cmp how to reach its CMP server, when it has one
 * @param file the file this was read from
 */
public record CertificateAuthority(
    String name, List<X509Certificate> certificates, Optional<CmpSettings> cmp, Path file) {

  /** The configuration's file name in the station's data folder. */
  public static final String STATION_FILE = "certificate-authority.json";

  static final int MAX_BYTES = 64 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  public CertificateAuthority {
    certificates = List.copyOf(certificates);
  }

  /**
   * How the station reaches the authority's CMP server.
   *
   * @param url the server's HTTP(S) address
   * @param protection how the station's messages are protected
   * @param reference the station's reference at the authority (the shared secret's key id)
   * @param recipient the authority's name in the messages' header, when it asks for one
   * @param timeout how long the station waits for an answer
   */
  public record CmpSettings(
      URI url,
      Protection protection,
      String reference,
      Optional<X500Name> recipient,
      Duration timeout) {}

  /** How the station's CMP messages are protected. */
  public enum Protection {
    /** A secret the authority gave the officer, typed like a PIN (password-based MAC). */
    SHARED_SECRET,
    /** Signed by the officer's card. */
    OFFICER_SIGNATURE
  }

  /** Where a station keeps its authority's configuration: beside its database. */
  public static Path besideDatabase(Path databaseFile) {
    Path folder = databaseFile.toAbsolutePath().getParent();
    return folder.resolve(STATION_FILE);
  }

  /**
   * The authority configured beside {@code databaseFile}.
   *
   * @throws CertificateAuthorityException when there is none, or it is unreadable or wrong
   */
  public static CertificateAuthority forStation(Path databaseFile)
      throws CertificateAuthorityException {
    Path file = besideDatabase(databaseFile);
    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new CertificateAuthorityException(
          "no certificate authority is configured: "
              + file
              + " is missing (see the README, \"The certificate comes back\")");
    }
    return read(file);
  }

  /**
   * Reads a configuration file.
   *
   * @throws CertificateAuthorityException naming the file and what is wrong
   */
  public static CertificateAuthority read(Path file) throws CertificateAuthorityException {
    JsonNode root = json(file);
    String name = text(root, "name", file);
    Path certificatesFile = sibling(file, text(root, "certificates", file));
    List<X509Certificate> certificates;
    try {
      certificates = CertificateFiles.read(certificatesFile);
    } catch (CertificateFileException e) {
      throw new CertificateAuthorityException(
          file + ": the authority's certificates " + certificatesFile + ": " + e.getMessage(), e);
    }
    JsonNode cmp = root.get("cmp");
    Optional<CmpSettings> settings =
        cmp == null || cmp.isNull() ? Optional.empty() : Optional.of(cmp(cmp, file));
    return new CertificateAuthority(name, certificates, settings, file);
  }

  /** The CMP server's endpoint, trusting the authority's certificates for its answers. */
  public CmpEndpoint endpoint(CmpSettings settings) {
    return new CmpEndpoint(settings.url(), settings.timeout(), certificates, settings.recipient());
  }

  private static JsonNode json(Path file) throws CertificateAuthorityException {
    if (!Files.isRegularFile(file)) {
      throw new CertificateAuthorityException(
          file + ": the certificate authority's configuration is not a regular file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new CertificateAuthorityException(
            file + ": larger than " + MAX_BYTES / 1024 + " KiB, this is not a configuration");
      }
      JsonNode root = MAPPER.readTree(bytes);
      if (root == null || !root.isObject()) {
        throw new CertificateAuthorityException(file + ": not a JSON object");
      }
      return root;
    } catch (IOException e) {
      throw new CertificateAuthorityException(file + ": cannot be read as JSON (" + e + ")", e);
    }
  }

  private static CmpSettings cmp(JsonNode cmp, Path file) throws CertificateAuthorityException {
    URI url = url(text(cmp, "url", file), file);
    Protection protection = protection(text(cmp, "protection", file), file);
    String reference = cmp.path("reference").asText("");
    if (protection == Protection.SHARED_SECRET && reference.isBlank()) {
      throw new CertificateAuthorityException(
          file + ": cmp.reference is needed with a shared secret (the station's reference)");
    }
    Optional<X500Name> recipient = recipient(cmp.path("recipient").asText(""), file);
    int seconds = cmp.path("timeoutSeconds").asInt(30);
    if (seconds < 1 || seconds > 300) {
      throw new CertificateAuthorityException(
          file + ": cmp.timeoutSeconds is " + seconds + ", it must be from 1 to 300");
    }
    return new CmpSettings(url, protection, reference, recipient, Duration.ofSeconds(seconds));
  }

  private static URI url(String value, Path file) throws CertificateAuthorityException {
    try {
      URI url = new URI(value);
      String scheme = url.getScheme() == null ? "" : url.getScheme();
      if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
        throw new CertificateAuthorityException(
            file + ": cmp.url must be an http:// or https:// address, not " + value);
      }
      if (url.getPort() > 65535) {
        throw new CertificateAuthorityException(
            file + ": cmp.url's port is out of range: " + value);
      }
      if (url.getRawUserInfo() != null) {
        // a password in the address would be journaled with each request: never in the file
        throw new CertificateAuthorityException(
            file + ": cmp.url carries a user name or password; the station's secret is typed");
      }
      return url;
    } catch (java.net.URISyntaxException e) {
      throw new CertificateAuthorityException(file + ": cmp.url is not an address: " + value, e);
    }
  }

  private static Protection protection(String value, Path file)
      throws CertificateAuthorityException {
    return switch (value) {
      case "shared-secret" -> Protection.SHARED_SECRET;
      case "officer-signature" -> Protection.OFFICER_SIGNATURE;
      default ->
          throw new CertificateAuthorityException(
              file
                  + ": cmp.protection is "
                  + value
                  + ", it must be shared-secret or officer-signature");
    };
  }

  private static Optional<X500Name> recipient(String value, Path file)
      throws CertificateAuthorityException {
    if (value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new X500Name(value));
    } catch (IllegalArgumentException e) {
      throw new CertificateAuthorityException(file + ": cmp.recipient is not a name: " + value, e);
    }
  }

  private static String text(JsonNode node, String field, Path file)
      throws CertificateAuthorityException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new CertificateAuthorityException(file + ": \"" + field + "\" is missing");
    }
    return value.asText().strip();
  }

  // The certificates lie beside the configuration: a relative name only, no way out of the folder.
  private static Path sibling(Path file, String name) throws CertificateAuthorityException {
    Path relative = Path.of(name);
    if (relative.isAbsolute() || relative.getNameCount() != 1 || name.startsWith(".")) {
      throw new CertificateAuthorityException(
          file + ": \"certificates\" names a file beside it (a plain file name), not " + name);
    }
    return file.toAbsolutePath().getParent().resolve(relative);
  }
}
