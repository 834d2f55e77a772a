module example.com/test-passing

go 1.21
