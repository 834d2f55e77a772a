import groovy.json.JsonSlurper

def out = new File(basedir, 'target/static-go')
def log = new File(basedir, 'build.log').text

// compress: one line per target, the ratio for packed ones, the reason for the skipped one
assert log.contains('Using UPX 4.2.4 (' + new File(basedir, 'tools/upx').path + ')')
// (the README's options: global --best --lzma; linux/arm without lzma; linux/arm/7 at -9; windows off)
assert log =~ /linux\/amd64\s+packme-linux-amd64\s+[\d.]+ MiB -> [\d.]+ MiB \([\d.]+%\)\s+upx 4\.2\.4 --best --lzma/
assert log =~ /linux\/arm64\s+packme-linux-arm64\s+.*upx 4\.2\.4 --best --lzma/
assert log =~ /(?m)linux\/arm\/7\s+packme-linux-arm-7\s+.*upx 4\.2\.4 -9[ \t]*$/
assert log =~ /windows\/amd64\s+packme-windows-amd64\.exe\s+not packed: UPX is off for this target/
assert log =~ /darwin\/arm64\s+packme-darwin-arm64\s+not packed: UPX refuses macOS binaries since 4\.2/

// the double saw pack then test for each packed binary, nothing for darwin or windows
def calls = new File(basedir, 'tools/calls.log').readLines()
assert calls.count { it.contains('|-o|') } == 3
assert calls.count { it.startsWith('--no-env|-t|') } == 3
assert !calls.any { it.contains('darwin') || it.contains('windows') }

def manifest = new JsonSlurper().parse(new File(out, 'build.json'))
def amd64 = manifest.binaries.find { it.goarch == 'amd64' }
assert amd64.upx.packed == true
assert amd64.upx.version == '4.2.4'
assert amd64.upx.unpackedFile == 'unpacked/packme-linux-amd64'
assert amd64.upx.sizeBefore == new File(out, 'unpacked/packme-linux-amd64').length()
assert amd64.upx.sizeAfter == new File(out, 'packme-linux-amd64').length()
def darwin = manifest.binaries.find { it.goos == 'darwin' }
assert darwin.upx.packed == false && darwin.upx.reason.contains('macOS')

// verify: the packed file is read as packed, linkage and Go build info from the unpacked original
def report = new JsonSlurper().parse(new File(out, 'verify-report.json'))
assert report.binaries.every { it.ok }
def packed = report.binaries.find { it.file.endsWith('packme-linux-amd64') }
assert packed.upx == true
assert packed.upxVersion == '4.2.4'
assert packed.linkage == 'static'
assert packed.goVersion.startsWith('go1.')
assert packed.cgo == false
assert packed.unpackedFile.endsWith('unpacked/packme-linux-amd64')
assert packed.unpackedSize == amd64.upx.sizeBefore
// the double removed the Go build info from the packed file as UPX does: go cannot read it there
def goVersion = ['go', 'version', new File(out, 'packme-linux-amd64').path].execute()
def goSays = new StringBuilder()
goVersion.waitForProcessOutput(goSays, goSays)
assert !(goSays.toString() =~ /: go1\./) : goSays
def unpackedReport = report.binaries.find { it.file.endsWith('packme-darwin-arm64') }
assert unpackedReport.upx == false && unpackedReport.upxVersion == null
assert log =~ /\(upx, was [\d.]+ MiB\)/
return true
