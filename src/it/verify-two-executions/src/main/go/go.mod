module example.com/twoexecutions

go 1.21
