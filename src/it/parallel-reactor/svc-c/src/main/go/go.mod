module example.com/svc-c

go 1.21
