module example.com/test-selection

go 1.21
