module example.com/bad-input

go 1.24
