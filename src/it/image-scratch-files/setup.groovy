// The tlsget fixture, and a CA of this IT's own with a server certificate for 127.0.0.1 (openssl).
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def fixture = evaluate(root.resolve('src/it/shared/go-fixture.groovy').toFile())
def run = evaluate(root.resolve('src/it/shared/run.groovy').toFile())
def tls = new File(basedir, 'tls')
tls.mkdirs()
run(['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=static-go IT CA',
     '-keyout', "${tls}/ca.key", '-out', "${tls}/ca.pem"])
run(['openssl', 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1',
     '-keyout', "${tls}/server.key", '-out', "${tls}/server.csr"])
new File(tls, 'san.ext').text = 'subjectAltName=IP:127.0.0.1\n'
run(['openssl', 'x509', '-req', '-in', "${tls}/server.csr", '-CA', "${tls}/ca.pem", '-CAkey', "${tls}/ca.key",
     '-CAcreateserial', '-days', '2', '-extfile', "${tls}/san.ext", '-out', "${tls}/server.pem"])
return fixture(basedir, 'tlsget')
