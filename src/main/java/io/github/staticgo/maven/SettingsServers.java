package io.github.staticgo.maven;

import io.github.staticgo.image.PushRequest;
import io.github.staticgo.oci.Credentials;
import io.github.staticgo.oci.RegistryException;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Registry credentials from settings.xml: the server whose id is the registry, for push and for a base image. */
final class SettingsServers implements PushRequest.Servers {
    private final Settings settings;
    private final SettingsDecrypter decrypter;

    SettingsServers(Settings settings, SettingsDecrypter decrypter) {
        this.settings = settings;
        this.decrypter = decrypter;
    }

    /** The settings.xml server with this id, its password decrypted (Maven's settings-security). */
    @Override
    public Optional<Credentials> find(String id) throws RegistryException {
        Server server = settings.getServer(id);
        if (server == null) {
            return Optional.empty();
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new RegistryException("<servers>: cannot decrypt the password of <server><id>" + id
                        + "</id> in settings.xml: " + problem.getMessage());
            }
        }
        Server decrypted = result.getServer();
        if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
            throw new RegistryException("<servers>: <server><id>" + id + "</id> in settings.xml needs a "
                    + "<username> and a <password> for the registry.");
        }
        return Optional.of(
                Credentials.password(decrypted.getUsername(), decrypted.getPassword(), "settings.xml server " + id));
    }
}
