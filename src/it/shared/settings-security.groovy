// Maven's settings-security, as a user sets it up: a master password encrypted into a settings-security.xml
// (which -Dsettings.security names) and a server password encrypted with it, both by Maven itself
// (mvn --encrypt-master-password, --encrypt-password). A script evaluates this file and calls what it returns:
// encrypt(File securityFile, String password) writes securityFile and returns the encrypted password.
return { File security, String password ->
    def mvn = { List<String> args ->
        def process = (['mvn', '-B'] + args).execute()
        def stdout = new StringBuilder(), stderr = new StringBuilder()
        process.waitForProcessOutput(stdout, stderr)
        assert process.exitValue() == 0 : "mvn ${args[0]} failed: ${stdout} ${stderr}"
        def encrypted = stdout =~ /\{[^}]+\}/
        assert encrypted.find() : "mvn ${args[0]} printed no encrypted value: ${stdout}"
        return encrypted.group()
    }
    security.text = "<settingsSecurity><master>${mvn(['--encrypt-master-password', 'it-master'])}</master></settingsSecurity>\n"
    return mvn(['--encrypt-password', password, "-Dsettings.security=${security.absolutePath}"])
}
