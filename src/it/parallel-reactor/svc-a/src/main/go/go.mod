module example.com/svc-a

go 1.21
