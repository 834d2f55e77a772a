package io.github.staticgo.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {
    @Test
    void masksPasswordsInsideUrls() {
        assertEquals(
                "https://ci:****@goproxy.corp.example/,direct",
                SecretMasker.maskText("https://ci:s3cr3t-t0ken@goproxy.corp.example/,direct"));
    }

    @Test
    void masksAUserNameStandingAloneInAUrlAsItIsOftenTheToken() {
        assertEquals(
                "https://****@goproxy.corp.example/,direct",
                SecretMasker.maskText("https://ghp_abc123@goproxy.corp.example/,direct"));
        assertEquals(
                "https://ci:****@a.example/|https://****@b.example/",
                SecretMasker.maskText("https://ci:pw@a.example/|https://tok@b.example/"));
    }

    @Test
    void masksVariablesNamedAsSecrets() {
        assertEquals("****", SecretMasker.maskValue("GITHUB_TOKEN", "ghp_abc"));
        assertEquals("****", SecretMasker.maskValue("DB_PASSWORD", "hunter2"));
        assertEquals("amd64", SecretMasker.maskValue("GOARCH", "amd64"));
    }

    @Test
    void masksSecretLinkTimeValuesButKeepsOthers() {
        assertEquals(
                List.of("-ldflags=-s -w -X main.apiKey=**** -X main.version=1.2.3"),
                SecretMasker.maskArguments(List.of("-ldflags=-s -w -X main.apiKey=abcdef -X main.version=1.2.3")));
        assertEquals(
                "-X 'main.dbPassword=****' -X \"main.motd=hello world\"",
                SecretMasker.maskText("-X 'main.dbPassword=x y' -X \"main.motd=hello world\""));
    }
}
