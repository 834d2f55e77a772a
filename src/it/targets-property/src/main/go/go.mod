module example.com/targetsprop

go 1.21
