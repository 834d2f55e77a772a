// The example sidecar's Go sources for the image and for its base, a registry on 127.0.0.1 whose address and
// credentials the builds get through .mvn/maven.config, and a base image cache of this IT's own.
// ITs run in target/<clone folder>/<this IT>, three levels below the project root.
def root = basedir.toPath().resolve('../../..').normalize()
def copyTree = evaluate(root.resolve('src/it/shared/copy-tree.groovy').toFile())
def registry = evaluate(root.resolve('src/it/shared/registry.groovy').toFile())
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('src'))
copyTree(root.resolve('examples/sidecar/src'), basedir.toPath().resolve('base/src'))
// Invoker filters this IT's pom.xml only: base/pom.xml gets the plugin's coordinates from it.
def plugin = new groovy.xml.XmlSlurper().parse(new File(basedir, 'pom.xml')).build.plugins.plugin[0]
def basePom = new File(basedir, 'base/pom.xml')
basePom.text = basePom.text.replace('@project.groupId@', plugin.groupId.text())
        .replace('@project.artifactId@', plugin.artifactId.text()).replace('@project.version@', plugin.version.text())
def port = registry.start(new File(basedir, 'registry'))
registry.configure(basedir, port, 'it-secret')
new File(basedir, '.mvn/maven.config') << "-Dstatic-go.image.cache=${new File(basedir, 'oci-cache').absolutePath}\n"
return true
