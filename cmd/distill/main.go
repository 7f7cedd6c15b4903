// Command distill builds distill.pub-style blogs into static sites.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/distill-dev/distill/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
