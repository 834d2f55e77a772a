package io.github.staticgo.gotest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.staticgo.ConfigurationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code -Dtest} becomes -run and -skip; what go then runs is checked in {@link StaticGoTestTest}. */
class TestSelectionTest {
    @Test
    void noPatternAddsNothing() throws ConfigurationException {
        assertEquals(List.of(), TestSelection.arguments(null));
        assertEquals(List.of(), TestSelection.arguments("  "));
    }

    @Test
    void namesAreWholeAndLiteralExceptForWildcards() throws ConfigurationException {
        assertEquals(List.of("-run=^(TestAdd)$"), TestSelection.arguments("TestAdd"));
        assertEquals(List.of("-run=^(TestAdd.*|Test.dd)$"), TestSelection.arguments("TestAdd*, Test?dd"));
        assertEquals(List.of("-run=^(Test\\.Add\\(x\\)\\[1\\]\\$)$"), TestSelection.arguments("Test.Add(x)[1]$"));
    }

    @Test
    void subtestLevelsBySlashHashAndPlus() throws ConfigurationException {
        assertEquals(List.of("-run=^(TestTable)$/^(one)$"), TestSelection.arguments("TestTable/one"));
        assertEquals(List.of("-run=^(TestTable)$/^(one|two)$"), TestSelection.arguments("TestTable#one+two"));
        // A pattern without a subtest level leaves every level below it open.
        assertEquals(List.of("-run=^(TestTable|TestAdd)$"), TestSelection.arguments("TestTable/one,TestAdd"));
    }

    @Test
    void exclusionsBecomeSkip() throws ConfigurationException {
        assertEquals(
                List.of("-run=^(Test.*)$", "-skip=^(TestSlow)$/^(big)$"),
                TestSelection.arguments("Test*,!TestSlow/big"));
    }

    @Test
    void anEmptyLevelIsRefused() {
        ConfigurationException refused =
                assertThrows(ConfigurationException.class, () -> TestSelection.arguments("TestA/"));
        assertEquals("test", refused.element());
    }
}
