module example.com/test-skip-tests

go 1.21
