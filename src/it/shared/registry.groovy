// A distribution registry (Debian's docker-registry) on 127.0.0.1 with one htpasswd user, for the image ITs.
// A script evaluates this file and gets [start: { File dir -> port }, stop: { File dir -> },
// configure: { File basedir, int port, String password -> }]. start writes the registry's config, htpasswd
// (bcrypt, as the registry requires; user pusher, password it-secret) and log under dir and waits until it
// answers; coreutils' timeout ends it even when the IT fails before its verify script calls stop. configure
// gives the IT's builds the registry through .mvn/maven.config: -Dregistry=127.0.0.1:port, -DregistryPort and a
// global settings.xml whose <server> for it has user pusher and the password given.
import java.nio.file.Files

def start = { File dir ->
    dir.mkdirs()
    def port = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
    def htpasswd = ['htpasswd', '-Bbn', 'pusher', 'it-secret'].execute()
    def entry = new StringBuilder(), errors = new StringBuilder()
    htpasswd.waitForProcessOutput(entry, errors)
    assert htpasswd.exitValue() == 0 : "htpasswd failed: ${errors}"
    new File(dir, 'htpasswd').text = entry.toString()
    new File(dir, 'config.yml').text = """version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: ${new File(dir, 'storage').absolutePath}
http:
  addr: 127.0.0.1:${port}
auth:
  htpasswd:
    realm: static-go-it
    path: ${new File(dir, 'htpasswd').absolutePath}
"""
    def registry = new ProcessBuilder('timeout', '900', 'docker-registry', 'serve',
            new File(dir, 'config.yml').absolutePath)
            .redirectErrorStream(true)
            .redirectOutput(new File(dir, 'registry.log'))
            .start()
    new File(dir, 'registry.pid').text = registry.pid().toString()
    for (int i = 0; i < 100; i++) {
        try {
            def connection = new URL("http://127.0.0.1:${port}/v2/").openConnection()
            if (connection.responseCode == 401) {
                return port
            }
        } catch (IOException notYet) {
            assert registry.alive : "docker-registry ended: ${new File(dir, 'registry.log').text}"
        }
        Thread.sleep(100)
    }
    assert false : "docker-registry did not answer on 127.0.0.1:${port}: ${new File(dir, 'registry.log').text}"
}

def stop = { File dir ->
    def pid = new File(dir, 'registry.pid')
    if (pid.exists()) {
        ProcessHandle.of(pid.text.trim() as long).ifPresent { it.descendants().forEach { it.destroy() }; it.destroy() }
    }
}

def configure = { File basedir, int port, String password ->
    def settings = new File(basedir, 'registry-settings.xml')
    settings.text = """<settings>
  <servers>
    <server>
      <id>127.0.0.1:${port}</id>
      <username>pusher</username>
      <password>${password}</password>
    </server>
  </servers>
</settings>
"""
    new File(basedir, '.mvn').mkdirs()
    // One argument a line: Maven 3.9 and later take each line as one argument, 3.8 splits at any blank.
    new File(basedir, '.mvn/maven.config').text =
            ["-Dregistry=127.0.0.1:${port}", "-DregistryPort=${port}", '-gs', settings.absolutePath].join('\n') + '\n'

}

return [start: start, stop: stop, configure: configure]
