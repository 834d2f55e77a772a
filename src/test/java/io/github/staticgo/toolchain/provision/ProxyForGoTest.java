package io.github.staticgo.toolchain.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.staticgo.network.NetworkSettings;
import io.github.staticgo.process.SecretMasker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** settings.xml's proxy as go's HTTPS_PROXY, HTTP_PROXY and NO_PROXY (go reads them as net/http documents). */
class ProxyForGoTest {
    private static NetworkSettings proxy(String user, String password, String nonProxyHosts) {
        return new NetworkSettings(
                false,
                List.of(new NetworkSettings.HttpProxy(
                        "corp-proxy", "http", "proxy.corp", 3128, user, password, nonProxyHosts)));
    }

    @Test
    void theFirstActiveProxyReachesGoWithItsCredentialsAndItsExceptions() {
        Map<String, String> go = proxy("ci user", "p@ss:word", "localhost|*.corp.example|10.0.0.1")
                .withProxyForGo(Map.of("PATH", "/usr/bin"));
        assertEquals("http://ci+user:p%40ss%3Aword@proxy.corp:3128", go.get("HTTPS_PROXY"));
        assertEquals(go.get("HTTPS_PROXY"), go.get("HTTP_PROXY"));
        assertEquals("localhost,.corp.example,10.0.0.1", go.get("NO_PROXY"));
        assertEquals("/usr/bin", go.get("PATH"));
        // The log shows the variable without its password.
        String logged = SecretMasker.maskText("HTTPS_PROXY=" + go.get("HTTPS_PROXY"));
        assertFalse(logged.contains("p%40ss"), logged);
    }

    @Test
    void anEnvironmentThatSetsAProxyKeepsItAndNoSettingsMeansNothingChanges() {
        Map<String, String> own = Map.of("https_proxy", "http://other:8080");
        assertSame(own, proxy(null, null, null).withProxyForGo(own));
        Map<String, String> none = Map.of("PATH", "/bin");
        assertSame(none, NetworkSettings.direct().withProxyForGo(none));
        Map<String, String> anonymous = proxy(null, null, null).withProxyForGo(none);
        assertEquals("http://proxy.corp:3128", anonymous.get("HTTPS_PROXY"));
        assertFalse(anonymous.containsKey("NO_PROXY"));
    }
}
