def root = basedir.toPath().resolve('../../..').normalize()
evaluate(root.resolve('src/it/shared/provisioning-config.groovy').toFile())(basedir, new File(basedir, 'toolchain-cache'))
return true
