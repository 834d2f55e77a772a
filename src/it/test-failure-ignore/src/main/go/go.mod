module example.com/test-failure-ignore

go 1.21
