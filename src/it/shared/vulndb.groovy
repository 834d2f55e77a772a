// Builds a Go vulnerability database directory, in the layout govulncheck reads from a file:// URL
// (index/db.json, index/modules.json, ID/<id>.json), from the published entries in src/it/shared/vulndb.
// A setup script evaluates this file and calls what it returns: vulndb(basedir, new File(basedir, 'vulndb')).
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

return { File basedir, File database ->
    def entries = basedir.toPath().resolve('../../../src/it/shared/vulndb').normalize().toFile()
            .listFiles().findAll { it.name.endsWith('.json') }.sort { it.name }
    new File(database, 'ID').mkdirs()
    new File(database, 'index').mkdirs()
    def modules = [:]
    def lastModified = ''
    entries.each { file ->
        def entry = new JsonSlurper().parse(file)
        new File(database, "ID/${entry.id}.json").bytes = file.bytes
        lastModified = [lastModified, entry.modified].max()
        entry.affected.each { affected ->
            def fixed = affected.ranges*.events.flatten().findResults { it.fixed }.max()
            modules.computeIfAbsent(affected.package.name) { [] } << [id: entry.id, modified: entry.modified, fixed: fixed]
        }
    }
    new File(database, 'index/db.json').text = JsonOutput.toJson([modified: lastModified])
    new File(database, 'index/modules.json').text =
            JsonOutput.toJson(modules.collect { path, vulns -> [path: path, vulns: vulns] })
    return database
}
