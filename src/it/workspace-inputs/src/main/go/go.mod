module example.com/workspaceapp

go 1.21
