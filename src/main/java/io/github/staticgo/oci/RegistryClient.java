package io.github.staticgo.oci;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The OCI distribution API for one repository: push (does a blob exist, upload one (monolithic: POST, then PUT
 * with its digest), put a manifest) and pull (get a manifest or index, get a blob, each checked by digest). Authenticates when the registry answers 401: Basic with the credentials, or
 * the token flow its {@code WWW-Authenticate: Bearer} challenge names. HTTPS unless the registry is loopback or
 * allowed as insecure by name. The password goes into no message.
 */
public final class RegistryClient {
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");
    static final String NAME_ELEMENT = "image.name";

    /** Manifests and indexes a pull accepts, OCI's and Docker's schema 2 (what most registries still serve). */
    private static final String ACCEPT_MANIFESTS = String.join(
            ", ", MediaTypes.INDEX, MediaTypes.MANIFEST, MediaTypes.DOCKER_MANIFEST_LIST, MediaTypes.DOCKER_MANIFEST);

    private final ImageReference image;
    private final String element;
    private final Credentials credentials;
    private final Duration timeout;
    private final URI base;
    private final HttpClient http;
    private String authorization;

    /**
     * @param plainHttp speak HTTP instead of HTTPS; the caller allows it only for loopback or an insecure registry
     * @param credentials null when none were found
     */
    public RegistryClient(ImageReference image, boolean plainHttp, Credentials credentials, Duration timeout) {
        this(image, NAME_ELEMENT, plainHttp, credentials, timeout);
    }

    /** @param element the pom element a message about reaching this registry names ("image.base") */
    public RegistryClient(
            ImageReference image, String element, boolean plainHttp, Credentials credentials, Duration timeout) {
        this.image = image;
        this.element = element;
        this.credentials = credentials;
        this.timeout = timeout;
        this.base = URI.create((plainHttp ? "http://" : "https://") + image.registry());
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
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
     * Asks the registry to mount the blob from another of its repositories (a base image's) instead of an upload:
     * true when it did (201); false when it opened an upload instead (202, it may not or will not mount), which is
     * cancelled so the caller uploads as usual.
     */
    public boolean mountBlob(Descriptor blob, String fromRepository) throws RegistryException {
        String what = "mount blob " + blob.digest() + " from " + fromRepository;
        HttpResponse<byte[]> response = send(
                () -> request("/blobs/uploads/?mount=" + URLEncoder.encode(blob.digest(), StandardCharsets.UTF_8)
                                + "&from=" + URLEncoder.encode(fromRepository, StandardCharsets.UTF_8))
                        .POST(HttpRequest.BodyPublishers.noBody()),
                what);
        if (response.statusCode() == 201) {
            return true;
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
        HttpResponse<byte[]> response = exchange(authorized(request.get()), what);
        if (response.statusCode() != 401) {
            return response;
        }
        boolean hadAuthorization = authorization != null;
        authorization = authorize(response, what);
        response = exchange(authorized(request.get()), what);
        if (response.statusCode() == 401) {
            throw badCredentials(hadAuthorization ? "again" : "");
        }
        return response;
    }

    private HttpRequest authorized(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, String what) throws RegistryException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new RegistryException("<" + element + ">: cannot reach the registry " + image.registry()
                    + " (" + base.getScheme() + ", to " + what + "): " + reason(e)
                    + ". Check the registry address and that it is running.");
        } catch (HttpTimeoutException e) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry()
                    + " did not answer within " + timeout.toSeconds() + " s (to " + what + ").");
        } catch (SSLException e) {
            throw new RegistryException("<" + element + ">: no TLS with the registry " + image.registry() + ": "
                    + reason(e) + ". If it speaks plain HTTP and you trust the network to it, name it in "
                    + "<insecureRegistries>; plain HTTP is used without asking only for loopback.");
        } catch (IOException e) {
            throw new RegistryException("<" + element + ">: the registry " + image.registry() + " failed (to " + what
                    + "): " + reason(e) + ".");
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

    /** The Authorization header the 401's challenge asks for. */
    private String authorize(HttpResponse<byte[]> unauthorized, String what) throws RegistryException {
        String challenge = unauthorized.headers().firstValue("WWW-Authenticate").orElse("");
        if (credentials == null && !challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new RegistryException("<servers>: the registry " + image.registry() + " asks for credentials (to "
                    + what + ") and none were found: add <server><id>" + image.registry()
                    + "</id><username>...</username><password>...</password></server> to settings.xml, "
                    + "or log in with a Docker config (docker login " + image.registry() + ").");
        }
        String basic = credentials == null
                ? null
                : "Basic "
                        + Base64.getEncoder()
                                .encodeToString((credentials.username() + ":" + credentials.password())
                                        .getBytes(StandardCharsets.UTF_8));
        if (challenge.regionMatches(true, 0, "Basic", 0, 5)) {
            return basic;
        }
        if (!challenge.regionMatches(true, 0, "Bearer", 0, 6)) {
            throw new RegistryException("the registry " + image.registry() + " asks for an authentication scheme "
                    + "this plugin does not speak: WWW-Authenticate: " + challenge);
        }
        return "Bearer " + token(challenge, basic, what);
    }

    /** The distribution token flow: GET realm?service=...&scope=... (with Basic credentials, if any). */
    private String token(String challenge, String basic, String what) throws RegistryException {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher parameter = CHALLENGE_PARAMETER.matcher(challenge);
        while (parameter.find()) {
            parameters.put(parameter.group(1), parameter.group(2));
        }
        String realm = parameters.remove("realm");
        if (realm == null) {
            throw new RegistryException(
                    "the registry " + image.registry() + " names no token realm: WWW-Authenticate: " + challenge);
        }
        parameters.putIfAbsent("scope", "repository:" + image.repository() + ":pull,push");
        StringBuilder query = new StringBuilder();
        parameters.forEach((key, value) -> query.append(query.length() == 0 ? "?" : "&")
                .append(key)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm + query))
                .timeout(timeout)
                .GET();
        if (basic != null) {
            request.header("Authorization", basic);
        }
        HttpResponse<byte[]> response = exchange(request.build(), "get a token to " + what);
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw badCredentials("");
        }
        if (response.statusCode() != 200) {
            throw refused(response, "get a token to " + what);
        }
        try {
            JsonObject answer = JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8))
                    .getAsJsonObject();
            String token = answer.has("token")
                    ? answer.get("token").getAsString()
                    : answer.get("access_token").getAsString();
            return token;
        } catch (RuntimeException e) {
            throw new RegistryException(
                    "the token service of " + image.registry() + " answered no token: " + e.getMessage());
        }
    }

    private RegistryException badCredentials(String again) {
        String who = credentials == null ? "no credentials" : "the credentials of " + credentials;
        return new RegistryException("<servers>: the registry " + image.registry() + " refused " + who
                + (again.isEmpty() ? "" : " " + again) + " (HTTP 401): fix the user name and password of "
                + "<server><id>" + image.registry() + "</id> in settings.xml (or the Docker config's entry).");
    }

    /** A status the spec does not allow for this request, with the registry's own error text. */
    private RegistryException refused(HttpResponse<byte[]> response, String what) {
        String body = new String(response.body(), StandardCharsets.UTF_8).strip();
        String detail = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        String hint = response.statusCode() == 403
                ? " The credentials are valid but may not push to " + image.repository() + "."
                : "";
        return new RegistryException("the registry " + image.registry() + " answered HTTP " + response.statusCode()
                + " to " + what + (detail.isEmpty() ? "" : ": " + detail) + "." + hint);
    }
}
