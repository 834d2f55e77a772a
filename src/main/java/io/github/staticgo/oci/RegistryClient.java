package io.github.staticgo.oci;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.network.ProxyRefusedException;
import io.github.staticgo.network.ProxyRoutes;
import io.github.staticgo.process.ReadableLine;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The OCI distribution API for one repository: push (does a blob exist, upload one (monolithic: POST, then PUT
 * with its digest), put a manifest) and pull (get a manifest or index, get a blob, each checked by digest). Authenticates when the registry answers 401: Basic with the credentials, or
 * the token flow its {@code WWW-Authenticate: Bearer} challenge names. HTTPS unless the registry is loopback or
 * allowed as insecure by name; through the settings.xml proxy for the address's scheme unless its nonProxyHosts
 * name the host. The password goes into no message.
 */
public final class RegistryClient implements AutoCloseable {
    static final String NAME_ELEMENT = "image.name";
    /** What the token service is told the client is, in the OAuth2 flow. */
    private static final String CLIENT_ID = "static-go-maven-plugin";

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    /** Manifests and indexes a pull accepts, OCI's and Docker's schema 2 (what most registries still serve). */
    private static final String ACCEPT_MANIFESTS = String.join(
            ", ", MediaTypes.INDEX, MediaTypes.MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);

    private final ImageReference image;
    private final PlainHttp plainHttp;
    private final String element;
    private final Credentials credentials;
    private final Duration timeout;
    /** Repositories of this registry a push mounts blobs from, which its token must let it pull from. */
    private final Set<String> mountFrom;

    private final URI base;
    private final ProxyRoutes routes;
    private final HttpClient http;
    /** The Authorization header of the last challenge answered, sent with every request after it. */
    private String authorization;
    /** A refresh token the token service handed out in place of the identity token, for the next token. */
    private String refreshToken;
    /** Repositories of {@link #mountFrom} the token turned out not to let this client pull from. */
    private final Set<String> unmountableFrom = new HashSet<>();

    /**
     * A client to push with.
     *
     * @param plainHttp where HTTP is spoken instead of HTTPS, to the registry and to its token service
     * @param network the settings.xml proxies requests go through
     * @param credentials null when none were found
     * @param mountFrom the repositories of this registry that {@link #mountBlob} will name
     */
    public RegistryClient(
            ImageReference image,
            PlainHttp plainHttp,
            NetworkSettings network,
            Credentials credentials,
            Duration timeout,
            Set<String> mountFrom)
            throws RegistryException {
        this(image, NAME_ELEMENT, plainHttp, network, credentials, timeout, mountFrom);
    }

    /**
     * A client to pull with.
     *
     * @param element the pom element a message about reaching this registry names ("image.base")
     */
    public RegistryClient(
            ImageReference image,
            String element,
            PlainHttp plainHttp,
            NetworkSettings network,
            Credentials credentials,
            Duration timeout)
            throws RegistryException {
        this(image, element, plainHttp, network, credentials, timeout, Set.of());
    }

    private RegistryClient(
            ImageReference image,
            String element,
            PlainHttp plainHttp,
            NetworkSettings network,
            Credentials credentials,
            Duration timeout,
            Set<String> mountFrom)
            throws RegistryException {
        this.image = image;
        this.element = element;
        this.plainHttp = plainHttp;
        this.credentials = credentials;
        this.timeout = timeout;
        this.mountFrom = Set.copyOf(mountFrom);
        this.base = URI.create((plainHttp.allows(image.registry()) ? "http://" : "https://") + image.registry());
        try {
            this.routes = new ProxyRoutes(network, false);
        } catch (IOException e) {
            throw new RegistryException("<" + element + ">: " + e.getMessage());
        }
        // Redirects are followed here, not by the JDK, which would send the Authorization header along to any host.
        this.http = routes.configure(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER))
                .build();
    }

    /** Stops the proxy relays this client opened, if any. */
    @Override
    public void close() {
        routes.close();
    }

    public boolean blobExists(Descriptor blob) throws RegistryException {
        HttpResponse<byte[]> response = send(
                () -> request("/blobs/" + blob.digest()).method("HEAD", HttpRequest.BodyPublishers.noBody()),
                "look for blob " + blob.digest());
        if (response.statusCode() == 200) {
            return true;
        }
        if (response.statusCode() == 404) {
            return false;
        }
        throw refused(response, "look for blob " + blob.digest());
    }

    public void uploadBlob(Descriptor blob, Path file) throws RegistryException {
        String what = "upload blob " + blob.digest();
        HttpResponse<byte[]> started =
                send(() -> request("/blobs/uploads/").POST(HttpRequest.BodyPublishers.noBody()), what);
        String location = started.headers().firstValue("Location").orElse(null);
        if (started.statusCode() != 202 || location == null) {
            throw refused(started, what);
        }
        URI upload = base.resolve(location);
        URI put = URI.create(upload + (upload.getRawQuery() == null ? "?" : "&") + "digest="
                + URLEncoder.encode(blob.digest(), StandardCharsets.UTF_8));
        HttpRequest.BodyPublisher content;
        try {
            content = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new RegistryException("cannot read " + file + " to " + what + ": " + e.getMessage(), e);
        }
        HttpResponse<byte[]> finished = send(
                () -> HttpRequest.newBuilder(put)
                        .timeout(timeout)
                        .header("Content-Type", "application/octet-stream")
                        .PUT(content),
                what);
        if (finished.statusCode() != 201) {
            throw refused(finished, what);
        }
    }

    /** A manifest or an index as the registry served it, and its digest (of these bytes). */
    public record Manifest(String mediaType, byte[] content, String digest) {}

    /**
     * The manifest or index {@code reference} (a tag or a digest) names; one asked for by digest must have it.
     */
    public Manifest getManifest(String reference) throws RegistryException {
        String name = image.repository() + (reference.startsWith("sha256:") ? "@" : ":") + reference;
        HttpResponse<byte[]> response = send(
                () -> request("/manifests/" + reference)
                        .header("Accept", ACCEPT_MANIFESTS)
                        .GET(),
                "get " + name);
        if (response.statusCode() == 404) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry() + " has no " + name
                    + ": check the repository and the tag or digest.");
        }
        if (response.statusCode() != 200) {
            throw refused(response, "get " + name);
        }
        String digest = Blob.digest(response.body());
        if (reference.startsWith("sha256:") && !digest.equals(reference)) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry() + " answered " + name
                    + " with a document whose digest is " + digest + ".");
        }
        String mediaType = response.headers()
                .firstValue("Content-Type")
                .map(type -> type.split(";")[0].trim())
                .orElse("");
        return new Manifest(mediaType, response.body(), digest);
    }

    /** The blob {@code blob} names, checked against its digest and size. */
    public byte[] getBlob(Descriptor blob) throws RegistryException {
        String what = "get blob " + blob.digest();
        HttpResponse<byte[]> response =
                send(() -> request("/blobs/" + blob.digest()).GET(), what);
        if (response.statusCode() != 200) {
            throw refused(response, what);
        }
        if (response.body().length != blob.size()
                || !Blob.digest(response.body()).equals(blob.digest())) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry() + " answered " + what
                    + " with " + response.body().length + " bytes whose digest is " + Blob.digest(response.body())
                    + ", not the " + blob.size() + " bytes of " + blob.digest() + ".");
        }
        return response.body();
    }

    /**
     * Asks the registry to mount the blob from another of its repositories (a base image's, one of the client's
     * {@code mountFrom}) instead of an upload: true when it did (201); false when it opened an upload instead (202,
     * it may not or will not mount), which is cancelled, or when the token may not pull from there (a 401 for
     * want of that scope, as distribution 2.8 answers, after which that repository is not asked again), so the
     * caller uploads as usual.
     */
    public boolean mountBlob(Descriptor blob, String fromRepository) throws RegistryException {
        if (unmountableFrom.contains(fromRepository)) {
            return false;
        }
        String what = "mount blob " + blob.digest() + " from " + fromRepository;
        HttpResponse<byte[]> response = send(
                () -> request("/blobs/uploads/?mount=" + URLEncoder.encode(blob.digest(), StandardCharsets.UTF_8)
                                + "&from=" + URLEncoder.encode(fromRepository, StandardCharsets.UTF_8))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                what,
                true);
        if (response.statusCode() == 201) {
            return true;
        }
        if (response.statusCode() == 401) {
            unmountableFrom.add(fromRepository);
            return false;
        }
        if (response.statusCode() != 202) {
            throw refused(response, what);
        }
        Optional<String> location = response.headers().firstValue("Location");
        if (location.isPresent()) {
            send(
                    () -> HttpRequest.newBuilder(base.resolve(location.get()))
                            .timeout(timeout)
                            .DELETE(),
                    "cancel the upload opened to " + what);
        }
        return false;
    }

    /** Puts a manifest or an index under {@code reference}: its digest, or a tag. */
    public void putManifest(String reference, String mediaType, byte[] content) throws RegistryException {
        String what = "put " + image.repository() + ":" + reference;
        HttpResponse<byte[]> response = send(
                () -> request("/manifests/" + reference)
                        .header("Content-Type", mediaType)
                        .PUT(HttpRequest.BodyPublishers.ofByteArray(content)),
                what);
        if (response.statusCode() != 201) {
            throw refused(response, what);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve("/v2/" + image.repository() + path))
                .timeout(timeout);
    }

    /** Sends, and on a 401 authenticates as the challenge asks and sends once more. */
    private HttpResponse<byte[]> send(Supplier<HttpRequest.Builder> request, String what) throws RegistryException {
        return send(request, what, false);
    }

    /** @param scopeMayLack whether a second 401 for want of a scope is returned to the caller, not refused */
    private HttpResponse<byte[]> send(Supplier<HttpRequest.Builder> request, String what, boolean scopeMayLack)
            throws RegistryException {
        HttpResponse<byte[]> response = exchange(authorized(request.get()), what);
        if (response.statusCode() != 401) {
            return response;
        }
        // A token that expired during the push is answered with a 401 like no token at all: a new one is fetched.
        boolean hadAuthorization = authorization != null;
        authorization = authorize(Challenge.of(response), what);
        response = exchange(authorized(request.get()), what);
        if (response.statusCode() == 401) {
            Challenge challenge = Challenge.of(response);
            if (scopeMayLack && challenge.insufficientScope()) {
                return response;
            }
            throw refusedAuthorized(challenge, hadAuthorization, what);
        }
        return response;
    }

    private HttpRequest authorized(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    /**
     * Sends, following redirects (blob storage behind a registry): the Authorization header goes only to the
     * registry's own scheme, host and port, and plain HTTP only where {@link PlainHttp} allows it.
     */
    private HttpResponse<byte[]> exchange(HttpRequest request, String what) throws RegistryException {
        HttpRequest current = request;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<byte[]> response = sendOnce(current, what);
            String location = response.headers().firstValue("Location").orElse(null);
            if (!REDIRECTS.contains(response.statusCode()) || location == null || redirects == MAX_REDIRECTS) {
                return response;
            }
            URI target = current.uri().resolve(location);
            if (!"https".equalsIgnoreCase(target.getScheme())
                    && !("http".equalsIgnoreCase(target.getScheme()) && plainHttp.allows(target.getRawAuthority()))) {
                return response; // not followed: refused as the status it is
            }
            current = redirected(
                    current,
                    target,
                    response.statusCode() == 303 && !current.method().equals("HEAD"));
        }
    }

    private HttpRequest redirected(HttpRequest request, URI target, boolean asGet) {
        HttpRequest.Builder next = HttpRequest.newBuilder(target).timeout(timeout);
        boolean sameOrigin = target.getScheme().equalsIgnoreCase(base.getScheme())
                && target.getRawAuthority().equalsIgnoreCase(base.getRawAuthority());
        request.headers().map().forEach((name, values) -> {
            if (sameOrigin || !name.equalsIgnoreCase("Authorization")) {
                values.forEach(value -> next.header(name, value));
            }
        });
        return asGet
                ? next.GET().build()
                : next.method(request.method(), request.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()))
                        .build();
    }

    /** One request, not redirected: the token service's, whose credentials would follow a redirect anywhere. */
    private HttpResponse<byte[]> sendOnce(HttpRequest request, String what) throws RegistryException {
        Optional<NetworkSettings.HttpProxy> proxy = routes.forUri(request.uri());
        String through = proxy.map(p -> " through the settings.xml proxy " + p).orElse("");
        try {
            return routes.send(http, request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ProxyRefusedException e) {
            throw new RegistryException("<" + element + ">: " + e.getMessage());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            if (proxy.isPresent()) {
                throw new RegistryException("<" + element + ">: cannot reach the settings.xml proxy " + proxy.get()
                        + " to " + what + " at the registry " + image.registry() + ": " + reason(e)
                        + ". Check <proxy> '"
                        + proxy.get().id() + "' in settings.xml, or name the registry's host in its <nonProxyHosts>.");
            }
            throw new RegistryException("<" + element + ">: cannot reach the registry " + image.registry()
                    + " (" + request.uri().getScheme() + ", to " + what + "): " + reason(e)
                    + ". Check the registry address and that it is running.");
        } catch (HttpTimeoutException e) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry()
                    + " did not answer within " + timeout.toSeconds() + " s (to " + what + ")" + through + ".");
        } catch (SSLException e) {
            throw new RegistryException("<" + element + ">: no TLS with the registry " + image.registry() + through
                    + ": " + reason(e) + ". If it speaks plain HTTP and you trust the network to it, name it in "
                    + "<insecureRegistries>; plain HTTP is used without asking only for loopback.");
        } catch (IOException e) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry() + " failed (to " + what
                    + ")" + through + ": " + reason(e) + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException("interrupted while asking the registry " + image.registry() + " to " + what);
        }
    }

    /** The first message along the causes: the JDK's connect failures carry theirs one level down, if at all. */
    private static String reason(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        // The JDK's HttpClient says nothing more when the connection is refused or there is no route.
        return e instanceof ConnectException
                ? "connection refused or no route to it"
                : e.getClass().getSimpleName();
    }

    /**
     * A 401's {@code WWW-Authenticate}: the scheme and its parameters (RFC 7235's auth-param, quoted or not).
     *
     * @param text the header as it came, for messages
     */
    record Challenge(String scheme, Map<String, String> parameters, String text) {
        private static final Pattern PARAMETER = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");

        static Challenge of(HttpResponse<?> unauthorized) {
            String text = unauthorized
                    .headers()
                    .firstValue("WWW-Authenticate")
                    .orElse("")
                    .strip();
            int space = text.indexOf(' ');
            Map<String, String> parameters = new LinkedHashMap<>();
            Matcher parameter = PARAMETER.matcher(space < 0 ? "" : text.substring(space + 1));
            while (parameter.find()) {
                parameters.put(
                        parameter.group(1).toLowerCase(Locale.ROOT),
                        parameter.group(2) != null ? parameter.group(2) : parameter.group(3));
            }
            return new Challenge(
                    (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT), parameters, text);
        }

        boolean bearer() {
            return scheme.equals("bearer");
        }

        boolean insufficientScope() {
            return bearer() && "insufficient_scope".equals(parameters.get("error"));
        }
    }

    /** The Authorization header the 401's challenge asks for. */
    private String authorize(Challenge challenge, String what) throws RegistryException {
        if (challenge.scheme().equals("basic")) {
            if (credentials == null) {
                throw noCredentials(what);
            }
            if (credentials.identityToken()) {
                throw new RegistryException("<servers>: the registry " + image.registry() + " asks for a user name "
                        + "and password (to " + what + "), and " + credentials + " is an identity token, which "
                        + "only a token service takes: give <server><id>" + image.registry() + "</id> a "
                        + "<username> and <password> in settings.xml.");
            }
            return basic();
        }
        if (!challenge.bearer()) {
            throw new RegistryException("the registry " + image.registry() + " asks for an authentication scheme "
                    + "this plugin does not speak: WWW-Authenticate: " + challenge.text());
        }
        return "Bearer " + token(challenge, what);
    }

    /**
     * The distribution token flow: the realm the challenge names is asked for a token to push to this repository
     * (and to whatever else the challenge names), with a GET and Basic credentials, or, for an identity token, an
     * OAuth2 refresh-token POST. Credentials go to the realm only over HTTPS, or plain HTTP where the registry
     * itself may be spoken to in it.
     */
    private String token(Challenge challenge, String what) throws RegistryException {
        String realmText = challenge.parameters().get("realm");
        if (realmText == null || realmText.isEmpty()) {
            throw new RegistryException("the registry " + image.registry() + " names no token realm: WWW-Authenticate: "
                    + challenge.text());
        }
        URI realm = realm(realmText);
        // Push rights from the first token on, whatever the first request needed, so one token serves the push,
        // its mounts too (a registry mounts only from where the token may pull); and whatever else the registry
        // asks for.
        String push = "repository:" + image.repository() + ":pull,push";
        Set<String> scopes = new LinkedHashSet<>(List.of(push));
        mountFrom.stream().sorted().forEach(source -> scopes.add("repository:" + source + ":pull"));
        String asked = challenge.parameters().get("scope");
        for (String scope : asked == null ? new String[0] : asked.trim().split("\\s+")) {
            if (!scope.isEmpty() && !coveredByPush(scope)) {
                scopes.add(scope);
            }
        }
        String service = challenge.parameters().get("service");
        boolean oauth = credentials != null && credentials.identityToken();
        HttpRequest.Builder request;
        if (oauth) {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "refresh_token");
            form.put("refresh_token", refreshToken != null ? refreshToken : credentials.password());
            form.put("client_id", CLIENT_ID);
            if (service != null) {
                form.put("service", service);
            }
            form.put("scope", String.join(" ", scopes));
            request = HttpRequest.newBuilder(realm)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(query(List.copyOf(form.entrySet()))));
        } else {
            List<Map.Entry<String, String>> parameters = new ArrayList<>();
            if (service != null) {
                parameters.add(Map.entry("service", service));
            }
            scopes.forEach(scope -> parameters.add(Map.entry("scope", scope)));
            request = HttpRequest.newBuilder(
                            URI.create(realm + (realm.getRawQuery() == null ? "?" : "&") + query(parameters)))
                    .GET();
            if (credentials != null) {
                request.header("Authorization", basic());
            }
        }
        String asking = "get a token from " + realmText + " to " + what;
        // Not redirected: the credentials would follow wherever it points.
        HttpResponse<byte[]> response = sendOnce(request.timeout(timeout).build(), asking);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw refusedByTokenService(realmText, response.statusCode());
        }
        if (response.statusCode() != 200) {
            throw refused(response, asking);
        }
        try {
            JsonObject answer = JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            if (oauth && answer.has("refresh_token")) {
                refreshToken = answer.get("refresh_token").getAsString();
            }
            // The spec's "token", or OAuth2's "access_token", which the spec allows instead.
            String token = answer.has("token")
                    ? answer.get("token").getAsString()
                    : answer.get("access_token").getAsString();
            if (token.isEmpty()) {
                throw new IllegalStateException("an empty token");
            }
            return token;
        } catch (RuntimeException e) {
            throw new RegistryException("the token service " + realmText + " of the registry " + image.registry()
                    + " answered no token (to " + what + "): " + e.getMessage());
        }
    }

    private String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((credentials.username() + ":" + credentials.password())
                                .getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code scope} asks for nothing on this repository beyond pull and push, in whatever order. */
    private boolean coveredByPush(String scope) {
        String prefix = "repository:" + image.repository() + ":";
        return scope.startsWith(prefix)
                && Set.of("pull", "push")
                        .containsAll(List.of(scope.substring(prefix.length()).split(",")));
    }

    /** The realm, if credentials may be sent there: HTTPS, or plain HTTP to a host the registry could be at. */
    private URI realm(String text) throws RegistryException {
        URI realm;
        try {
            realm = new URI(text);
        } catch (URISyntaxException e) {
            throw new RegistryException(
                    "the registry " + image.registry() + " names a token realm that is no URL: " + text);
        }
        String scheme = realm.getScheme() == null ? "" : realm.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || (scheme.equals("http") && plainHttp.allows(realm.getRawAuthority()))) {
            return realm;
        }
        throw new RegistryException("<insecureRegistries>: the registry " + image.registry() + " sends its clients "
                + "for a token to " + text + ", which is "
                + (scheme.equals("http")
                        ? "plain HTTP to a host that is neither loopback nor named in <insecureRegistries>"
                        : "not HTTPS")
                + ": no credentials are sent there. If you trust the network to it, name "
                + realm.getRawAuthority() + " in <insecureRegistries>.");
    }

    private static String query(List<Map.Entry<String, String>> parameters) {
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> parameter : parameters) {
            query.append(query.length() == 0 ? "" : "&")
                    .append(parameter.getKey())
                    .append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
        }
        return query.toString();
    }

    private RegistryException noCredentials(String what) {
        return new RegistryException("<servers>: the registry " + image.registry() + " asks for credentials (to "
                + what + ") and none were found: add <server><id>" + image.registry()
                + "</id><username>...</username><password>...</password></server> to settings.xml, "
                + "or log in with a Docker config (docker login " + image.registry() + ").");
    }

    /** A 401 to a request sent with the authorization the registry's challenge asked for. */
    private RegistryException refusedAuthorized(Challenge challenge, boolean again, String what) {
        String error = challenge.bearer() ? challenge.parameters().getOrDefault("error", "") : "";
        String who = credentials == null ? "anonymous clients" : credentials.toString();
        String realm = challenge.parameters().get("realm");
        if (challenge.insufficientScope()) {
            // The challenge's scope names what was missing, its actions in no fixed order: the push needs both.
            return new RegistryException("<servers>: the token service " + realm + " gave " + who + " no right to "
                    + "push to " + image.repository() + ", which the registry " + image.registry() + " requires to "
                    + what + ": "
                    + (credentials == null
                            ? "give the registry a <server> in settings.xml with a user that may push there."
                            : "grant it there, or use another user's <server> in settings.xml."));
        }
        if (error.equals("invalid_token")) {
            return new RegistryException("the registry " + image.registry() + " does not accept the token its token "
                    + "service " + realm + " issued to " + who + " (invalid_token, to " + what + "): the token is "
                    + "expired or not yet valid (check the clocks of this machine and of the token service), or "
                    + "the token service signs with a key, issuer or service name the registry is not set up for.");
        }
        if (credentials == null) {
            return noCredentials(what);
        }
        return badCredentials(again ? "again" : "");
    }

    private RegistryException refusedByTokenService(String realm, int status) {
        if (credentials == null) {
            return new RegistryException("<servers>: the token service " + realm + " of the registry "
                    + image.registry() + " gives no token without credentials (HTTP " + status + "): add <server><id>"
                    + image.registry() + "</id><username>...</username><password>...</password></server> to "
                    + "settings.xml, or log in with a Docker config (docker login " + image.registry() + ").");
        }
        return new RegistryException("<servers>: the token service " + realm + " of the registry " + image.registry()
                + " refused " + credentials + " (HTTP " + status + "): "
                + (credentials.identityToken()
                        ? "the identity token is expired or revoked: log in again (docker login " + image.registry()
                                + ")."
                        : "fix the user name and password of <server><id>" + image.registry()
                                + "</id> in settings.xml (or the Docker config's entry)."));
    }

    private RegistryException badCredentials(String again) {
        return new RegistryException("<servers>: the registry " + image.registry() + " refused the credentials of "
                + credentials + (again.isEmpty() ? "" : " " + again) + " (HTTP 401): fix the user name and password "
                + "of <server><id>" + image.registry() + "</id> in settings.xml (or the Docker config's entry).");
    }

    /**
     * A status the spec does not allow for this request, with the registry's own error text on one line (a
     * proxy's HTML page without its tags); through a proxy, which may have answered it, the message names it.
     */
    private RegistryException refused(HttpResponse<byte[]> response, String what) {
        String body = ReadableLine.of(new String(response.body(), StandardCharsets.UTF_8)
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\s+", " ")
                .strip());
        String detail = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        String hint = response.statusCode() == 403
                ? " The credentials are valid but may not push to " + image.repository() + "."
                : "";
        Optional<NetworkSettings.HttpProxy> proxy = routes.forUri(response.uri());
        return new RegistryException("the registry " + image.registry()
                + proxy.map(p -> ", through the settings.xml proxy " + p + ",").orElse("") + " answered HTTP "
                + response.statusCode() + " to " + what + (detail.isEmpty() ? "" : ": " + detail) + "." + hint
                + proxy.map(p -> " If the proxy answered, check <proxy> '" + p.id() + "' in settings.xml, or name "
                                + "the registry's host in its <nonProxyHosts>.")
                        .orElse(""));
    }
}
