package fr.aed.station.crypto.pades;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.aed.station.crypto.SoftwareDeviceKey;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.asn1.cmp.PKIStatus;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * A real RFC 3161 time-stamping authority over HTTP, on the loopback interface and an ephemeral
 * port, with its own EC key and a self-signed certificate for time-stamping only. It can be told to
 * misbehave in the ways a client must notice. Close it to stop it.
 */
public final class LoopbackTsa implements AutoCloseable {

  /** How the authority answers the next requests. */
  enum Answer {
    TOKEN,
    HTTP_500,
    WRONG_CONTENT_TYPE,
    WRONG_NONCE,
    WRONG_IMPRINT,
    REJECTION,
    SILENCE
  }

  static final String SUBJECT = "CN=AED Test Timestamping,O=Atelier Lumiere SAS,C=FR";
  private static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.999.3161.1");
  private static final Duration LONGEST_SILENCE = Duration.ofSeconds(10);

  private final X509Certificate certificate;
  private final TimeStampResponseGenerator responses;
  private final HttpServer server;
  private final ExecutorService handlers;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final AtomicLong serials = new AtomicLong(1);
  private volatile Answer answer = Answer.TOKEN;
  private volatile String lastRequest = "";

  private LoopbackTsa(X509Certificate certificate, TimeStampResponseGenerator responses)
      throws IOException {
    this.certificate = certificate;
    this.responses = responses;
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    this.handlers =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "loopback-tsa");
              thread.setDaemon(true);
              return thread;
            });
    server.createContext("/tsa", this::handle);
    server.setExecutor(handlers);
    server.start();
  }

  /** Starts an authority on 127.0.0.1 and an ephemeral port. */
  public static LoopbackTsa start() throws Exception {
    SoftwareDeviceKey key = SoftwareDeviceKey.ec("secp256r1");
    X509Certificate certificate = certificate(key);
    TimeStampTokenGenerator tokens =
        new TimeStampTokenGenerator(
            new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withECDSA", key.privateKeyForTests(), certificate),
            new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
            POLICY);
    tokens.addCertificates(new JcaCertStore(List.of(certificate)));
    return new LoopbackTsa(
        certificate, new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED));
  }

  public X509Certificate certificate() {
    return certificate;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
  }

  void answer(Answer next) {
    this.answer = next;
  }

  /** The method and content type of the last request, as "POST application/timestamp-query". */
  String lastRequest() {
    return lastRequest;
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    handlers.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      lastRequest =
          exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type");
      TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
      switch (answer) {
        case TOKEN -> reply(exchange, granted(request));
        case WRONG_NONCE ->
            reply(exchange, granted(withNonce(request, request.getNonce().add(BigInteger.ONE))));
        case WRONG_IMPRINT -> reply(exchange, granted(withImprint(request, flipped(request))));
        case REJECTION -> reply(exchange, rejected());
        case WRONG_CONTENT_TYPE -> send(exchange, 200, "text/html", "<html/>".getBytes());
        case HTTP_500 -> exchange.sendResponseHeaders(500, -1);
        case SILENCE -> silence(exchange);
      }
    } catch (Exception e) {
      exchange.sendResponseHeaders(400, -1);
    } finally {
      exchange.close();
    }
  }

  private byte[] granted(TimeStampRequest request) throws Exception {
    return responses
        .generate(request, BigInteger.valueOf(serials.getAndIncrement()), new Date())
        .getEncoded();
  }

  private byte[] rejected() throws Exception {
    return responses
        .generateFailResponse(PKIStatus.REJECTION, PKIFailureInfo.badAlg, "not today")
        .getEncoded();
  }

  private void silence(HttpExchange exchange) throws Exception {
    closing.await(LONGEST_SILENCE.toSeconds(), TimeUnit.SECONDS);
    exchange.sendResponseHeaders(500, -1);
  }

  private static void reply(HttpExchange exchange, byte[] response) throws IOException {
    send(exchange, 200, HttpTimestampAuthority.REPLY_TYPE, response);
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  private static TimeStampRequest withNonce(TimeStampRequest request, BigInteger nonce) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(request.getCertReq());
    return generator.generate(
        request.getMessageImprintAlgOID(), request.getMessageImprintDigest(), nonce);
  }

  private static TimeStampRequest withImprint(TimeStampRequest request, byte[] imprint) {
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(request.getCertReq());
    return generator.generate(request.getMessageImprintAlgOID(), imprint, request.getNonce());
  }

  private static byte[] flipped(TimeStampRequest request) {
    byte[] imprint = request.getMessageImprintDigest().clone();
    imprint[0] ^= 0x01;
    return imprint;
  }

  private static X509Certificate certificate(SoftwareDeviceKey key) throws Exception {
    X500Name subject = new X500Name(SUBJECT);
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofDays(1))),
            Date.from(now.plus(Duration.ofDays(365))),
            subject,
            key.publicKey());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    // RFC 3161 2.3: the authority's certificate has this one key purpose, marked critical.
    builder.addExtension(
        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(
                new JcaContentSignerBuilder("SHA256withECDSA").build(key.privateKeyForTests())));
  }
}
