module example.com/sbomapp

go 1.21

require (
	golang.org/x/sync v0.10.0
	golang.org/x/text v0.3.7
)

// The fix of a vulnerability pulled in by a replacement: the binary links v0.3.8.
replace golang.org/x/text v0.3.7 => golang.org/x/text v0.3.8
