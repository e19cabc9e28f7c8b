// The build failed (invoker.properties); it must say where and why, as `nnc check` would.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/nn/broken.nn').absolutePath
def expected = "[ERROR] ${source}:4:19: error[NN0101]: unknown name `dens`"
assert log.contains(expected) : "build.log lacks: ${expected}"
assert log.contains('= help: did you mean `dense`?')
assert log.contains('nnc: 1 error in ')
assert !new File(basedir, 'target/generated-sources/nnc').exists()
// And it wrote the same diagnostics as SARIF, for code scanning (as `nnc check --diagnostics sarif`).
def sarif = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/nnc/nnc.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results[0]
assert sarif.runs[0].results.size() == 1
assert result.ruleId == 'NN0101' && result.level == 'error'
assert result.locations[0].physicalLocation.artifactLocation.uri == new File(source).toPath().toUri().toString()
assert result.locations[0].physicalLocation.region.startLine == 4
assert result.locations[0].physicalLocation.region.startColumn == 19
