package io.github.staticgo.gotest;

/** go test could not test at all (a bad flag, no packages, a killed run): not a test failure. */
public class GoTestException extends Exception {
    public GoTestException(String message) {
        super(message);
    }

    public GoTestException(String message, Throwable cause) {
        super(message, cause);
    }
}
