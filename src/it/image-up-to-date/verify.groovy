// Per Maven run, what the image goal said and the index it named; then the last image's files.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
def said = (log =~ /\[INFO\] Image(?: up to date: (sha256:\w+)|: assembling, (.*))/).collect { it[1] ?: it[2] }
def indexes = (log =~ /\[INFO\] Image index (sha256:\w+)/).collect { it[1] }
assert said.size() == 7 && indexes.size() == 7 : said
assert said[0] == 'no earlier image recorded'
// 2: nothing changed: no layer written, the same index.
assert said[1] == indexes[0] && indexes[1] == indexes[0]
// 3: the binaries changed (by their SHA-256): another index.
assert said[2] == 'image-up-to-date-linux-amd64, image-up-to-date-linux-arm64 changed' : said[2]
assert indexes[2] != indexes[0]
// 4: a setting changed, named.
assert said[3] == 'labels changed' && indexes[3] != indexes[2]
// 5-7: outputs that are not as the image goal left them, or asked to: the same image again.
assert said[4] == 'image-oci.tar is missing' && indexes[4] == indexes[3]
assert said[5] == 'layout/oci-layout changed' && indexes[5] == indexes[3]
assert said[6] == 'forced' && indexes[6] == indexes[3]
// Each platform's lines ("Image linux/amd64: ...") only when assembling: 6 of the 7 runs, 2 platforms each.
assert (log =~ /\[INFO\] Image linux\/(amd64|arm64\/v8): /).size() == 12

def image = new File(basedir, 'target/static-go-image')
def record = new JsonSlurper().parse(new File(image, 'image.json'))
assert record.indexDigest == indexes[6]
assert new File(image, 'layout/oci-layout').text == '{"imageLayoutVersion":"1.0.0"}'
assert new File(image, 'image-oci.tar').isFile()
assert !image.list().any { it.endsWith('.part') || it.endsWith('.old') } : image.list()
return true
