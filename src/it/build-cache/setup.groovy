// Two work copies of the example sidecar (this directory and agent-2/), each with the build cache recipe in .mvn/,
// and nginx on 127.0.0.1 as the remote cache (WebDAV PUT, as the extension's resolver transport writes).
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
import java.nio.file.Files

def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
def recordingGo = evaluate(root.resolve('src/it/shared/recording-go.groovy').toFile())

def port = new ServerSocket(0, 1, InetAddress.getByName('127.0.0.1')).withCloseable { it.localPort }
def served = new File(basedir, 'remote-cache')
served.mkdirs()
def nginx = new File(basedir, 'nginx')
new File(nginx, 'temp').mkdirs()
new File(nginx, 'nginx.conf').text = """
daemon on;
pid ${nginx}/nginx.pid;
error_log ${nginx}/error.log;
events {}
http {
  access_log ${nginx}/access.log;
  client_body_temp_path ${nginx}/temp;
  proxy_temp_path ${nginx}/temp;
  fastcgi_temp_path ${nginx}/temp;
  uwsgi_temp_path ${nginx}/temp;
  scgi_temp_path ${nginx}/temp;
  client_max_body_size 200m;
  server {
    listen 127.0.0.1:${port};
    root ${served};
    location / {
      dav_methods PUT;
      create_full_put_path on;
    }
  }
}
"""
// nginx's workers may run as another user than this build: they write the cache files.
[served, new File(nginx, 'temp')].each { it.setWritable(true, false); it.setExecutable(true, false) }
def started = ['nginx', '-c', new File(nginx, 'nginx.conf').path, '-p', nginx.path].execute()
started.waitFor()
assert started.exitValue() == 0 : "nginx did not start: ${started.err.text}"

def agent2 = new File(basedir, 'agent-2')
[basedir, agent2].eachWithIndex { File agent, int index ->
    copyTree(root.resolve('examples/sidecar/src'), agent.toPath().resolve('src'))
    if (agent != basedir) {
        Files.copy(new File(basedir, 'pom.xml').toPath(), new File(agent, 'pom.xml').toPath())
    }
    recordingGo.install(agent)
    def mvn = new File(agent, '.mvn')
    mvn.mkdirs()
    new File(mvn, 'extensions.xml').text = new File(basedir, 'extensions.xml').text
    new File(mvn, 'maven-build-cache-config.xml').text = new File(basedir, 'maven-build-cache-config.xml').text
        .replace('@remote@', "http://127.0.0.1:${port}/cache")
        .replace('@local@', new File(basedir, "local-cache-${index + 1}").path)
}
return true
