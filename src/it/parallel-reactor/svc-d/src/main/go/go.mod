module example.com/svc-d

go 1.21
