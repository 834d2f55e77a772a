package main

/*
#include <stdio.h>
#include <stdlib.h>

static int answer(int x) { return x * 6; }
static const char *libc_name(void) {
#ifdef __GLIBC__
	return "glibc";
#else
	return "not-glibc";
#endif
}
*/
import "C"

import (
	"fmt"
	"net"
	"os/user"
)

func main() {
	_, _ = user.Current()
	_, _ = net.LookupHost("localhost")
	fmt.Printf("cgo says %d, libc %s\n", C.answer(7), C.GoString(C.libc_name()))
}
