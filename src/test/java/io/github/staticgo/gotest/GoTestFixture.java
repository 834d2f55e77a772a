package io.github.staticgo.gotest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A Go module whose packages cover every way a Go test can end. The expected counts in the tests are
 * read off these sources: each package's comment says what it holds.
 */
final class GoTestFixture {
    static final String MODULE = "example.com/fixture";

    /** Passing: 2 top-level tests, 2 subtests each with 1 nested subtest, 1 example, 1 benchmark = 8 cases. */
    static final String PASS = """
            package pass

            import (
            	"fmt"
            	"testing"
            )

            func Add(a, b int) int { return a + b }

            func TestAdd(t *testing.T) {
            	t.Log("adding 1 and 2")
            	if Add(1, 2) != 3 {
            		t.Fatal("1 + 2 is not 3")
            	}
            }

            func TestTable(t *testing.T) {
            	for _, name := range []string{"one", "two words"} {
            		t.Run(name, func(t *testing.T) {
            			t.Parallel()
            			t.Run("inner", func(t *testing.T) {})
            		})
            	}
            }

            func ExampleAdd() {
            	fmt.Println(Add(1, 2))
            	// Output: 3
            }

            func BenchmarkAdd(b *testing.B) {
            	for i := 0; i < b.N; i++ {
            		Add(i, i)
            	}
            }
            """;

    /** Failing: TestGood passes; TestBad fails; TestSub/ok passes, TestSub/broken fails and so TestSub does: 5 cases, 3 failures. */
    static final String FAIL = """
            package fail

            import "testing"

            func TestGood(t *testing.T) {}

            func TestBad(t *testing.T) {
            	t.Errorf("want %d, got %d", 3, 4)
            	t.Log("markup <xml> & ]]> and a colour \\x1b[31mred\\x1b[0m")
            }

            func TestSub(t *testing.T) {
            	t.Run("ok", func(t *testing.T) {})
            	t.Run("broken", func(t *testing.T) { t.Fatal("sub failed") })
            }
            """;

    /** Skipping: 2 cases, 1 skipped. */
    static final String SKIP = """
            package skip

            import "testing"

            func TestSkipped(t *testing.T) { t.Skip("needs a database") }

            func TestRuns(t *testing.T) {}
            """;

    /** Panicking: TestFirst passes, TestPanics panics and takes the binary down, TestNever never runs: 2 cases, 1 error. */
    static final String PANICKY = """
            package panicky

            import "testing"

            func TestFirst(t *testing.T) {}

            func TestPanics(t *testing.T) {
            	var m map[string]int
            	m["boom"] = 1
            }

            func TestNever(t *testing.T) {}
            """;

    /** Not compiling: its test never runs; 1 case for the build failure. */
    static final String BROKEN = """
            package broken

            func Broken() int { return "not an int" }
            """;

    static final String BROKEN_TEST = """
            package broken

            import "testing"

            func TestBroken(t *testing.T) {}
            """;

    /** The cgo mode and tags reach the compiler: exactly one of TestCgoOn/TestCgoOff exists, TestTagged only with tag "integration". */
    static final String MODES_CGO = """
            //go:build cgo

            package modes

            import "testing"

            func TestCgoOn(t *testing.T) {}
            """;

    static final String MODES_NOCGO = """
            //go:build !cgo

            package modes

            import "testing"

            func TestCgoOff(t *testing.T) {}
            """;

    static final String MODES_TAGGED = """
            //go:build integration

            package modes

            import "testing"

            func TestTagged(t *testing.T) {}
            """;

    /** No test files: go reports it, but it gets no report. */
    static final String NOTESTS = """
            package notests

            func Unused() int { return 1 }
            """;

    /** Sleeps past a one-second -timeout: 2 cases, TestSlow an error. */
    static final String SLOW = """
            package slow

            import (
            	"testing"
            	"time"
            )

            func TestQuick(t *testing.T) {}

            func TestSlow(t *testing.T) { time.Sleep(30 * time.Second) }
            """;

    /** Executes DMB SY, an ARMv7 instruction that an ARMv6 CPU (ARM1176) refuses with SIGILL. */
    static final String ARMV7_ASM = """
            #include "textflag.h"

            // func barrier()
            TEXT ·barrier(SB),NOSPLIT,$0-0
            	WORD $0xf57ff05f // DMB SY
            	RET
            """;

    static final String ARMV7_DECLARATION = """
            package armv7

            func barrier()
            """;

    static final String ARMV7_TEST = """
            package armv7

            import "testing"

            func TestBarrier(t *testing.T) { barrier() }
            """;

    /** Stub for the other architectures, so that ./... still builds there. */
    static final String ARMV7_OTHER = """
            //go:build !arm

            package armv7

            func barrier() {}
            """;

    /**
     * Failing after a log line, as a service's tests do: TestHandler prints "[INFO] handler ready" to
     * stdout, then fails at logsfirst_test.go:11 (the t.Errorf line).
     */
    static final String LOGS_FIRST = """
            package logsfirst

            import (
            	"fmt"
            	"testing"
            )

            func TestHandler(t *testing.T) {
            	fmt.Println("[INFO] handler ready")
            	fmt.Println("[INFO] serving on 127.0.0.1:0")
            	t.Errorf("expected: 200, have %d", 400)
            }
            """;

    private GoTestFixture() {}

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("go.mod"), "module " + MODULE + "\n\ngo 1.21\n");
        Map<String, String> files = Map.ofEntries(
                Map.entry("pass/pass_test.go", PASS),
                Map.entry("fail/fail_test.go", FAIL),
                Map.entry("skip/skip_test.go", SKIP),
                Map.entry("panicky/panicky_test.go", PANICKY),
                Map.entry("broken/broken.go", BROKEN),
                Map.entry("broken/broken_test.go", BROKEN_TEST),
                Map.entry("modes/cgo_test.go", MODES_CGO),
                Map.entry("modes/nocgo_test.go", MODES_NOCGO),
                Map.entry("modes/tagged_test.go", MODES_TAGGED),
                Map.entry("notests/notests.go", NOTESTS),
                Map.entry("slow/slow_test.go", SLOW),
                Map.entry("logsfirst/logsfirst_test.go", LOGS_FIRST),
                Map.entry("armv7/barrier_arm.s", ARMV7_ASM),
                Map.entry("armv7/barrier_arm.go", ARMV7_DECLARATION),
                Map.entry("armv7/barrier_other.go", ARMV7_OTHER),
                Map.entry("armv7/barrier_test.go", ARMV7_TEST));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return dir;
    }
}
