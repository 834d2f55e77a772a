// tinyproxy on 127.0.0.1:39128 (the port proxy-settings.xml names), asking for the settings' credentials and
// logging each request it forwards.
def config = new File(basedir, 'tinyproxy.conf')
basedir.setWritable(true, false) // tinyproxy may drop to another user before it writes its log
config.text = """
Port 39128
Listen 127.0.0.1
Timeout 120
MaxClients 20
LogFile "${basedir}/tinyproxy.log"
LogLevel Connect
PidFile "${basedir}/tinyproxy.pid"
BasicAuth ci-agent proxy-secret-3141
ConnectPort 443
"""
// One argument per line, as Maven 3.9 reads .mvn/maven.config.
new File(basedir, '.mvn').mkdirs()
new File(basedir, '.mvn/maven.config').text = "-gs\n${new File(basedir, 'proxy-settings.xml').path}\n"
def started = ['tinyproxy', '-c', config.path].execute()
started.waitFor()
assert started.exitValue() == 0 : "tinyproxy did not start: ${started.err.text}"
sleep 500
return true
