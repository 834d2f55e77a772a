module example.com/langtag

go 1.21

// v0.3.5 has GO-2021-0113; src/it/shared/langtag-with-vulndb.groovy sets the version an IT asks for (go.sum has v0.3.7 too).
require golang.org/x/text v0.3.5
