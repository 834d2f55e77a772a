//go:build wired

package calc

import "testing"

// Exists only when the shared <tags> reach go test.
func TestFailsWhenTagged(t *testing.T) { t.Error("tagged") }
