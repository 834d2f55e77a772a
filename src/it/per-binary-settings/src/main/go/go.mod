module example.com/perbinary

go 1.21
