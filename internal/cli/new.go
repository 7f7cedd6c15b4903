package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/distill-dev/distill/internal/site"
)

func runNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", commands()[2].args, commands()[2].summary, stderr)
	siteDir := fs.String("s", ".", "site root `SITE`")
	layout := fs.String("layout", "distill", "layout of the new post (distill or post)")
	if code, done := parse(fs, args); done {
		return code
	}
	if fs.NArg() != 2 || fs.Arg(0) != "post" {
		fmt.Fprintln(stderr, `usage: distill new post "Title" [-s SITE]`)
		return exitUsage
	}
	title := fs.Arg(1)
	now := time.Now()
	slug := site.Slugify(title)
	if slug == "" {
		fmt.Fprintf(stderr, "distill new: title %q has no letters or digits for a file name\n", title)
		return exitUsage
	}
	rel := filepath.Join(site.PostsDir, now.Format("2006-01-02")+"-"+slug+".md")
	path := filepath.Join(*siteDir, rel)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		fmt.Fprintf(stderr, "distill new: %v\n", err)
		return exitError
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		fmt.Fprintf(stderr, "distill new: %v\n", err)
		return exitError
	}
	defer f.Close()
	fmt.Fprintf(f, `---
layout: %s
title: %s
description: 
date: %s
tags: []
authors:
  - name: 
    url: 
    affiliations:
      name: 
toc: true
---

Write the introduction here. Math: $e^{i\pi} + 1 = 0$.

## First section

`, *layout, strconv.Quote(title), now.Format("2006-01-02"))
	fmt.Fprintln(stdout, "wrote", path)
	return exitOK
}
