package main

import (
	_ "github.com/livekit/server-sdk-go/v2"
)

func main() {}
