package calc

import "testing"

func TestAdd(t *testing.T) {
	if Add(1, 2) != 3 {
		t.Fatal("1 + 2 is not 3")
	}
}

func TestSubIsWrong(t *testing.T) {
	if got := Sub(5, 3); got != 3 {
		t.Errorf("Sub(5, 3) = %d, want 3", got)
	}
}
