package main

import (
	"context"
	"fmt"
	"os"

	"golang.org/x/sync/errgroup"
	"golang.org/x/text/language"
)

func main() {
	group, _ := errgroup.WithContext(context.Background())
	group.Go(func() error {
		tag, err := language.Parse(os.Args[len(os.Args)-1])
		fmt.Println(tag, err)
		return nil
	})
	_ = group.Wait()
}
