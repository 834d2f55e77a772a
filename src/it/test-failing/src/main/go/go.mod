module example.com/test-failing

go 1.21
