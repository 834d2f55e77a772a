package util

import "testing"

func TestTrue(t *testing.T) {}
