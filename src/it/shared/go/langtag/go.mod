module example.com/langtag

go 1.21

// v0.3.5 has GO-2021-0113; the vulnerability-fixed IT raises it to v0.3.7, the fixed version (go.sum has both).
require golang.org/x/text v0.3.5
