package io.github.staticgo.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The module information text as {@code runtime/debug.BuildInfo.String} writes it: quoting of
 * build keys and values follows {@code strconv.Quote}, replacements follow their module.
 */
class GoModInfoParserTest {

    @Test
    void parsesEveryKindOfLineInFileOrder() throws Exception {
        String text = "path\texample.com/cmd/tool\n"
                + "mod\texample.com\tv1.2.3\th1:abc=\n"
                + "dep\tgolang.org/x/sys\tv0.1.0\th1:def=\n"
                + "=>\tgolang.org/x/sys\tv0.2.0\th1:ghi=\n"
                + "build\t-buildmode=exe\n"
                + "build\t-ldflags=\"-s -w -X main.version=1.0\"\n"
                + "build\t-tags=netgo,osusergo\n"
                + "build\tCGO_ENABLED=0\n"
                + "build\tGOARCH=arm\n"
                + "build\tGOOS=linux\n"
                + "build\tGOARM=7\n"
                + "build\t\"key with space\"=`raw \\value`\n"
                + "build\tvcs.modified=true\n";
        GoBuildInfo info = GoModInfoParser.parse("go1.26.8", text);
        assertEquals("go1.26.8", info.goVersion());
        assertEquals("example.com/cmd/tool", info.path());
        assertEquals(new GoBuildInfo.Module("example.com", "v1.2.3", "h1:abc=", null), info.main());
        assertEquals("v0.2.0", info.deps().get(0).replace().version());
        assertEquals("-s -w -X main.version=1.0", info.setting("-ldflags"));
        assertEquals("raw \\value", info.setting("key with space"));
        assertEquals(
                List.of(
                        "-buildmode",
                        "-ldflags",
                        "-tags",
                        "CGO_ENABLED",
                        "GOARCH",
                        "GOOS",
                        "GOARM",
                        "key with space",
                        "vcs.modified"),
                List.copyOf(info.settings().keySet()));
        assertEquals(Boolean.FALSE, info.cgoEnabled());
    }

    @Test
    void unterminatedLastLineIsIgnoredLikeGo() throws Exception {
        GoBuildInfo info = GoModInfoParser.parse("go1.22.0", "path\ta\nbuild\tGOOS=linux");
        assertEquals("a", info.path());
        assertNull(info.setting("GOOS"));
        assertNull(info.main());
        assertNull(info.cgoEnabled());
    }

    @Test
    void quotedValuesUnescapeAsGoDoes() throws Exception {
        assertEquals("a\tb\"c\\\u00e9\u00ff", GoModInfoParser.unquote("\"a\\tb\\\"c\\\\\\u00e9\\xc3\\xbf\"", 1));
        assertEquals("A", GoModInfoParser.unquote("\"\\101\"", 1));
    }

    @Test
    void brokenLinesAreMalformed() {
        for (String text : List.of(
                "build\t\n",
                "build\t=x\n",
                "build\tkey\n",
                "build\t\"key\"x\n",
                "build\tkey=a b\n",
                "build\tk=\"unterminated\n",
                "=>\ta\tb\tc\n",
                "mod\tonly-one-column\n",
                "mod\ta\tb\n=>\ta\tb\n",
                "build\t\"k\"=\"\\q\"\n")) {
            assertThrows(MalformedBinaryException.class, () -> GoModInfoParser.parse("go1", text), text);
        }
    }
}
