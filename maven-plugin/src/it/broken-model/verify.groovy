// The build failed (invoker.properties); it must say where and why, as `nnc check` would.
def log = new File(basedir, 'build.log').text
def source = new File(basedir, 'src/main/nn/broken.nn').absolutePath
def expected = "[ERROR] ${source}:4:19: error[NN0101]: unknown name `dens`"
assert log.contains(expected) : "build.log lacks: ${expected}"
assert log.contains('= help: did you mean `dense`?')
assert log.contains('nnc: 1 error in ')
assert !new File(basedir, 'target/generated-sources/nnc').exists()
