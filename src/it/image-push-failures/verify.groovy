// Each failed push said what is wrong in one [ERROR] line naming the element to fix, and no password was logged.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
try {
    def port = (new File(basedir, '.mvn/maven.config').text =~ /-DregistryPort=(\d+)/)[0][1]
    def errors = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[ERROR]') && it.contains('static-go') }
    assert errors.size() == 5 : errors.join('\n')
    assert errors[0].contains("<servers>: the registry 127.0.0.1:${port} refused the credentials of pusher (settings.xml server 127.0.0.1:${port}) (HTTP 401)")
    assert errors[1].contains('<image.name>: cannot reach the registry 127.0.0.1:1 (http, to look for blob sha256:')
    assert errors[1].contains('): connection refused or no route to it. Check the registry address')
    assert errors[2].contains("<image.name>: no TLS with the registry sidecar-registry.test:${port}")
    assert errors[2].contains('name it in <insecureRegistries>')
    assert errors[3].contains("<servers>: the registry sidecar-registry.test:${port} asks for credentials (to look for blob sha256:")
    assert errors[3].contains("and none were found: add <server><id>sidecar-registry.test:${port}</id>")
    assert errors[4].contains("<servers>: cannot decrypt the password of <server><id>127.0.0.1:${port}</id> in settings.xml: ")
    def log = new File(basedir, 'build.log').text
    // The fourth push spoke plain HTTP because the registry is named insecure.
    assert log.contains("Pushing sidecar-registry.test:${port}/sidecar (1.0.0-SNAPSHOT) over plain HTTP (an insecure registry) without credentials")
    assert !log.contains('wrong-secret')
    assert !log.contains('\tat ') : 'no stack trace at the default log level'
    assert !new File(basedir, 'target/static-go-image/push.json').exists()
    return true
} finally {
    registry.stop(new File(basedir, 'registry'))
}

