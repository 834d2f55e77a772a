module example.com/svc-b

go 1.21
