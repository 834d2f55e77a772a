package calc

import "testing"

func TestPasses(t *testing.T) {}
