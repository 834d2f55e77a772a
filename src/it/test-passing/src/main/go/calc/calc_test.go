package calc

import (
	"fmt"
	"testing"
)

func TestAdd(t *testing.T) {
	if Add(1, 2) != 3 {
		t.Fatal("1 + 2 is not 3")
	}
}

func TestTable(t *testing.T) {
	for _, c := range []struct {
		name    string
		a, b, d int
	}{{"small", 3, 1, 2}, {"negative", 1, 3, -2}} {
		t.Run(c.name, func(t *testing.T) {
			if Sub(c.a, c.b) != c.d {
				t.Errorf("Sub(%d, %d) = %d", c.a, c.b, Sub(c.a, c.b))
			}
		})
	}
}

func TestNeedsNetwork(t *testing.T) { t.Skip("no network in this test") }

func ExampleAdd() {
	fmt.Println(Add(2, 2))
	// Output: 4
}
