module example.com/provisioned

go 1.24
