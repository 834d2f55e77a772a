package io.github.staticgo.network;

import java.io.IOException;

/** A settings.xml proxy refused the credentials settings.xml gives it. */
public final class ProxyRefusedException extends IOException {
    ProxyRefusedException(String message) {
        super(message);
    }
}
