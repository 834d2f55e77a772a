def pid = new File(basedir, 'tinyproxy.pid')
try {
    // go downloaded github.com/google/uuid into the empty module cache, and every connection it made went
    // through the proxy, authenticated (tinyproxy's own log: a tunnel per host, no 407).
    assert new File(basedir, 'target/gomodcache/github.com/google/uuid@v1.6.0/uuid.go').isFile()
    def proxied = new File(basedir, 'tinyproxy.log').text
    assert proxied =~ /Request \(file descriptor \d+\): CONNECT \S+:443 HTTP\/1\.1/
    assert !proxied.contains('407')
    def binary = new File(basedir, 'target/static-go/proxied-linux-amd64')
    assert binary.path.execute().text.trim() ==~ /[0-9a-f-]{36}/

    // The log names the proxy variables without the password.
    def log = new File(basedir, 'build.log').text
    assert !log.contains('proxy-secret-3141')
} finally {
    if (pid.exists()) {
        ['kill', pid.text.trim()].execute().waitFor()
    }
}
return true
