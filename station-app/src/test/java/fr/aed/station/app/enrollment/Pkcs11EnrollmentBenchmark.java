package fr.aed.station.app.enrollment;

import fr.aed.station.app.device.TokenDeviceKey;
import fr.aed.station.app.dossier.SampleEnrollment;
import fr.aed.station.crypto.csr.CertificateRequestFactory;
import fr.aed.station.crypto.csr.RequestSubject;
import fr.aed.station.token.KeyType;
import fr.aed.station.token.pkcs11.Pkcs11Provisioning;
import fr.aed.station.token.pkcs11.Pkcs11Slot;
import fr.aed.station.token.pkcs11.Pkcs11Token;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * Benchmark, not a test: N enrollments' token work (RSA-2048 unless a key type is given) on fresh
 * SoftHSM2 tokens, through the station's steps in one warm JVM (open, PIN, RSA-2048 pair, key
 * evidence, signed PKCS#10) against {@code pkcs11-tool --keypairgen} + {@code openssl req -engine
 * pkcs11}, one pair of processes per enrollment. Run with {@code scripts/bench-pkcs11 [N]
 * [rsa2048|p256|...]}, which sets SOFTHSM2_CONF.
 */
public final class Pkcs11EnrollmentBenchmark {

  private static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final String PIN = "123456";

  private Pkcs11EnrollmentBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    KeyType type = args.length > 1 ? KeyType.fromId(args[1]) : KeyType.RSA2048;
    Path configuration = Path.of(System.getenv("SOFTHSM2_CONF"));
    String stationToken = "bench-station-" + ProcessHandle.current().pid();
    Pkcs11Provisioning.initToken(MODULE, stationToken, "12345678".toCharArray(), PIN.toCharArray());
    String toolToken = "bench-tool-" + ProcessHandle.current().pid();
    Pkcs11Provisioning.initToken(MODULE, toolToken, "12345678".toCharArray(), PIN.toCharArray());

    RequestSubject subject = RequestSubjects.of(SampleEnrollment.at(LocalDateTime.now()).dossier());
    double[] station = new double[count];
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      stationEnrollment(stationToken, subject, type, i, count);
      station[i] = (System.nanoTime() - started) / 1e6;
    }
    Path work = Files.createTempDirectory("bench-pkcs11");
    Path openssl = opensslConfiguration(work);
    double[] tools = new double[count];
    for (int i = 0; i < count; i++) {
      long started = System.nanoTime();
      toolEnrollment(configuration, openssl, toolToken, i, work, type);
      tools[i] = (System.nanoTime() - started) / 1e6;
    }
    System.out.println(count + " enrollments, " + type.id() + ", fresh SoftHSM2 tokens");
    print("station steps, warm JVM (first one cold)", station);
    for (int step = 0; step < STEPS.length; step++) {
      print("  of which " + STEPS[step], STEP_MILLIS[step]);
    }
    print("pkcs11-tool --keypairgen + openssl req -engine pkcs11", tools);
  }

  private static final String[] STEPS = {"open", "PIN", "key pair", "evidence", "request"};
  private static final double[][] STEP_MILLIS = new double[STEPS.length][];

  private static void stationEnrollment(
      String label, RequestSubject subject, KeyType type, int index, int count) throws Exception {
    for (int step = 0; step < STEPS.length; step++) {
      if (STEP_MILLIS[step] == null) {
        STEP_MILLIS[step] = new double[count];
      }
    }
    long started = System.nanoTime();
    try (Pkcs11Token token = Pkcs11Token.open(MODULE, Pkcs11Slot.withTokenLabel(label))) {
      started = lap(0, index, started);
      char[] pin = PIN.toCharArray();
      token.verifyPin(pin);
      Arrays.fill(pin, '\0');
      started = lap(1, index, started);
      PublicKey publicKey = token.generateKeyPair(TokenSteps.HOLDER_KEY_SLOT, type);
      started = lap(2, index, started);
      if (!token.keyEvidence(TokenSteps.HOLDER_KEY_SLOT).provesOnTokenGeneration()) {
        throw new IllegalStateException("the key is not proven generated on the token");
      }
      started = lap(3, index, started);
      PKCS10CertificationRequest request =
          new CertificateRequestFactory()
              .build(subject, new TokenDeviceKey(token, TokenSteps.HOLDER_KEY_SLOT, publicKey));
      if (request.getEncoded().length == 0) {
        throw new IllegalStateException("empty request");
      }
      lap(4, index, started);
    }
  }

  private static long lap(int step, int index, long started) {
    long now = System.nanoTime();
    STEP_MILLIS[step][index] = (now - started) / 1e6;
    return now;
  }

  // The tools' token keeps every pair (a new CKA_ID each time) while the station replaces its
  // slot's pair; SoftHSM2 slows down as a token fills, which only favours the station here.
  private static void toolEnrollment(
      Path configuration, Path openssl, String label, int index, Path work, KeyType type)
      throws Exception {
    String id = String.format(Locale.ROOT, "%04x", index + 0x100);
    run(
        configuration,
        null,
        "pkcs11-tool",
        "--module",
        MODULE.toString(),
        "--token-label",
        label,
        "--login",
        "--pin",
        PIN,
        "--keypairgen",
        "--key-type",
        toolKeyType(type),
        "--id",
        id,
        "--label",
        "bench-" + index);
    String uri =
        "pkcs11:token="
            + label
            + ";id=%"
            + id.substring(0, 2)
            + "%"
            + id.substring(2)
            + ";type=private;pin-value="
            + PIN;
    run(
        configuration,
        openssl,
        "openssl",
        "req",
        "-new",
        "-engine",
        "pkcs11",
        "-keyform",
        "engine",
        "-key",
        uri,
        "-subj",
        "/CN=Jeanne Martin/C=FR",
        "-sha256",
        "-out",
        work.resolve("request-" + index + ".csr").toString());
  }

  private static String toolKeyType(KeyType type) {
    return switch (type) {
      case RSA2048, RSA3072 -> "rsa:" + type.bits();
      case P256 -> "EC:prime256v1";
      case P384 -> "EC:secp384r1";
    };
  }

  private static void run(Path softhsm, Path openssl, String... command) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("SOFTHSM2_CONF", softhsm.toString());
    if (openssl != null) {
      builder.environment().put("OPENSSL_CONF", openssl.toString());
    }
    Process process = builder.start();
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  private static Path opensslConfiguration(Path work) throws IOException {
    return Files.writeString(
        work.resolve("openssl.cnf"),
        String.join(
            "\n",
            "openssl_conf = openssl_init",
            "[openssl_init]",
            "engines = engine_section",
            "[engine_section]",
            "pkcs11 = pkcs11_section",
            "[pkcs11_section]",
            "engine_id = pkcs11",
            "dynamic_path = /usr/lib/x86_64-linux-gnu/engines-3/pkcs11.so",
            "MODULE_PATH = " + MODULE,
            "init = 0",
            "[req]",
            "distinguished_name = dn",
            "[dn]",
            ""));
  }

  private static void print(String what, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-55s n=%d first %.1f ms, median %.1f ms, mean %.1f ms, min %.1f, max %.1f%n",
        what,
        millis.length,
        millis[0],
        sorted[sorted.length / 2],
        Arrays.stream(millis).average().orElse(0),
        sorted[0],
        sorted[sorted.length - 1]);
  }
}
