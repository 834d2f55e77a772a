package io.github.staticgo.oci;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.staticgo.Tools;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of a registry's token service (there is none in Debian to install), on 127.0.0.1, speaking the
 * distribution token spec (docs/spec/auth/token.md, jwt.md, oauth.md of distribution 2.8) to a real docker-registry
 * that checks what it issues: GET with Basic credentials, and the OAuth2 POST with a refresh token. It signs RS256
 * JWTs with a key made by openssl whose self-signed certificate is the registry's {@code rootcertbundle} and goes
 * in each token's {@code x5c} header; the claims are the spec's iss, sub, aud (the service asked for), exp, nbf,
 * iat, jti and access (what was asked for that the user may do).
 */
final class TokenServiceDouble implements AutoCloseable {
    static final String ISSUER = "static-go-test-token-service";
    /** How long distribution 2.8 still takes a token after its exp (registry/auth/token/token.go, Leeway). */
    private static final int REGISTRY_LEEWAY_SECONDS = 60;

    /** Users, their passwords, and the actions each may do on any repository. */
    private static final Map<String, String> PASSWORDS = Map.of("pusher", "it-secret", "reader", "reader-secret");

    private static final Map<String, Set<String>> ACTIONS =
            Map.of("pusher", Set.of("pull", "push"), "reader", Set.of("pull"));
    /** Identity tokens (OAuth2 refresh tokens) and whose they are. */
    static final Map<String, String> IDENTITY_TOKENS = Map.of("identity-of-pusher", "pusher");

    /** What the service was asked, one per token request. */
    record Asked(String method, String user, List<String> scopes, String service, Map<String, String> form) {}

    private final HttpServer server;
    private final PrivateKey key;
    private final String certificate;
    private final Path certificateFile;
    private final List<Asked> asked = new ArrayList<>();
    /** How many of the next tokens are issued already expired (beyond the registry's leeway of 60 s). */
    private final AtomicInteger expiredToIssue = new AtomicInteger();
    /** The seconds the next token is valid for, or 0 for the usual five minutes. */
    private final AtomicInteger shortLived = new AtomicInteger();
    /** The one repository tokens grant anything on, or null for every repository. */
    private volatile String onlyRepository;

    private TokenServiceDouble(HttpServer server, PrivateKey key, String certificate, Path certificateFile) {
        this.server = server;
        this.key = key;
        this.certificate = certificate;
        this.certificateFile = certificateFile;
    }

    static TokenServiceDouble start(Path dir) throws Exception {
        Files.createDirectories(dir);
        Tools.run(
                dir,
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-keyout",
                "key.pem",
                "-out",
                "cert.pem",
                "-days",
                "2",
                "-subj",
                "/CN=" + ISSUER);
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(dir.resolve("key.pem")))));
        String certificate = Base64.getEncoder().encodeToString(pem(Files.readString(dir.resolve("cert.pem"))));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        TokenServiceDouble service = new TokenServiceDouble(server, key, certificate, dir.resolve("cert.pem"));
        server.createContext("/token", service::answer);
        server.start();
        return service;
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", ""));
    }

    String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    Path certificateFile() {
        return certificateFile;
    }

    synchronized List<Asked> asked() {
        return List.copyOf(asked);
    }

    void issueExpired(int tokens) {
        expiredToIssue.set(tokens);
    }

    /** The next token is valid for {@code seconds} more, the registry's leeway of 60 s counted in. */
    void issueShortLived(int seconds) {
        shortLived.set(seconds);
    }

    /** From now on tokens grant nothing on repositories other than {@code repository}, whatever was asked. */
    void grantOnly(String repository) {
        onlyRepository = repository;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            List<Map.Entry<String, String>> parameters =
                    new ArrayList<>(parameters(exchange.getRequestURI().getRawQuery()));
            Map<String, String> form = Map.of();
            if (method.equals("POST")) {
                List<Map.Entry<String, String>> posted =
                        parameters(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                form = Map.ofEntries(posted.toArray(Map.Entry[]::new));
                parameters.addAll(posted);
            }
            List<String> scopes = new ArrayList<>();
            String service = null;
            for (Map.Entry<String, String> parameter : parameters) {
                if (parameter.getKey().equals("scope")) {
                    // OAuth2 joins scopes with spaces, the GET repeats the parameter.
                    scopes.addAll(List.of(parameter.getValue().split(" ")));
                } else if (parameter.getKey().equals("service")) {
                    service = parameter.getValue();
                }
            }
            String user = method.equals("POST") ? refreshTokenUser(form) : basicUser(exchange);
            synchronized (this) {
                asked.add(new Asked(method, user, scopes, service, form));
            }
            if (user == null) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String token = token(user, service, scopes);
            JsonObject answer = new JsonObject();
            answer.addProperty(method.equals("POST") ? "access_token" : "token", token);
            answer.addProperty("expires_in", 300);
            answer.addProperty("issued_at", Instant.now().toString());
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private static String basicUser(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String[] userPassword = new String(
                        Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                .split(":", 2);
        return userPassword.length == 2 && userPassword[1].equals(PASSWORDS.get(userPassword[0]))
                ? userPassword[0]
                : null;
    }

    private static String refreshTokenUser(Map<String, String> form) {
        return "refresh_token".equals(form.get("grant_type")) ? IDENTITY_TOKENS.get(form.get("refresh_token")) : null;
    }

    /** A JWT granting {@code user} what it asked for in {@code scopes} that it may do. */
    private String token(String user, String service, List<String> scopes) throws IOException {
        JsonArray access = new JsonArray();
        for (String scope : scopes) {
            // type:name:actions, the name itself possibly with a colon (a registry host with a port)
            int first = scope.indexOf(':');
            int last = scope.lastIndexOf(':');
            JsonObject resource = new JsonObject();
            resource.addProperty("type", scope.substring(0, first));
            resource.addProperty("name", scope.substring(first + 1, last));
            JsonArray actions = new JsonArray();
            boolean granted = onlyRepository == null
                    || onlyRepository.equals(resource.get("name").getAsString());
            for (String action : scope.substring(last + 1).split(",")) {
                if (granted && ACTIONS.get(user).contains(action)) {
                    actions.add(action);
                }
            }
            resource.add("actions", actions);
            access.add(resource);
        }
        long now = Instant.now().getEpochSecond() - (expiredToIssue.getAndDecrement() > 0 ? 3600 : 0);
        int validFor = shortLived.getAndSet(0);
        long expires = validFor > 0 ? now - REGISTRY_LEEWAY_SECONDS + validFor : now + 300;
        JsonObject header = new JsonObject();
        header.addProperty("typ", "JWT");
        header.addProperty("alg", "RS256");
        JsonArray x5c = new JsonArray();
        x5c.add(certificate);
        header.add("x5c", x5c);
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", ISSUER);
        claims.addProperty("sub", user);
        claims.addProperty("aud", service);
        claims.addProperty("exp", expires);
        claims.addProperty("nbf", now - 10);
        claims.addProperty("iat", now);
        claims.addProperty("jti", UUID.randomUUID().toString());
        claims.add("access", access);
        String signed = base64Url(header.toString()) + "." + base64Url(claims.toString());
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Map.Entry<String, String>> parameters(String query) {
        List<Map.Entry<String, String>> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            parameters.add(Map.entry(
                    URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
                    equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8)));
        }
        return parameters;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
