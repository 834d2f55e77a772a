module example.com/packme

go 1.21
