package main

import (
	"runtime"
	"testing"
)

func TestRunsOnTheProvisionedGo(t *testing.T) {
	if runtime.Version() != "go1.26.8" {
		t.Fatalf("tests ran on %s", runtime.Version())
	}
}
