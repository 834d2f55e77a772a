module example.com/sidecar

go 1.21
