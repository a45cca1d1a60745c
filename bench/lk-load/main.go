// lk-load: N 1:1 sessions against one LiveKit server with real WebRTC clients (server-sdk-go, pion), for the
// capacity bench (bench/livekit.ts). Each side publishes Opus-sized audio and simulcast VP8-sized video at a
// profile's bitrates and subscribes to the other side; it prints WINDOW_START when the measured window begins and
// one JSON line of what was received at the end. The payloads are random bytes framed as VP8/Opus: an SFU forwards
// packets without decoding them, so its cost is that of real media of the same rate and packet size.
package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/livekit/protocol/auth"
	"github.com/livekit/protocol/livekit"
	lksdk "github.com/livekit/server-sdk-go/v2"
	"github.com/pion/webrtc/v4"
	"github.com/pion/webrtc/v4/pkg/media"
)

type layer struct {
	width, height, kbps int
	quality             livekit.VideoQuality
}

type counters struct {
	audioBytes, videoBytes, packets, lost atomic.Int64
	videoTracks, audioTracks              atomic.Int32
}

type result struct {
	Sessions          int      `json:"sessions"`
	Connected         int      `json:"connected"`
	Errors            []string `json:"errors"`
	WindowSeconds     float64  `json:"windowSeconds"`
	VideoKbpsPerSub   float64  `json:"videoKbpsPerSubscriber"`
	AudioKbpsPerSub   float64  `json:"audioKbpsPerSubscriber"`
	LossPercent       float64  `json:"lossPercent"`
	VideoSubscribed   int      `json:"videoSubscribed"`
	AudioSubscribed   int      `json:"audioSubscribed"`
	ExpectedVideoKbps int      `json:"expectedVideoKbps"`
}

// parseLayers reads "640x360@450,320x180@150": highest first.
func parseLayers(spec string) ([]layer, error) {
	if spec == "" {
		return nil, nil
	}
	qualities := []livekit.VideoQuality{livekit.VideoQuality_HIGH, livekit.VideoQuality_MEDIUM, livekit.VideoQuality_LOW}
	parts := strings.Split(spec, ",")
	if len(parts) > 3 {
		return nil, fmt.Errorf("at most three layers")
	}
	out := make([]layer, 0, len(parts))
	for i, p := range parts {
		var l layer
		if _, err := fmt.Sscanf(p, "%dx%d@%d", &l.width, &l.height, &l.kbps); err != nil {
			return nil, fmt.Errorf("layer %q: %w", p, err)
		}
		l.quality = qualities[len(parts)-1-i]
		if len(parts) == 1 {
			l.quality = livekit.VideoQuality_HIGH
		}
		out = append(out, l)
	}
	return out, nil
}

// vp8Frame is a frame of `size` bytes whose header says key frame (with the picture size) or inter frame.
func vp8Frame(size int, key bool, w, h int) []byte {
	if size < 10 {
		size = 10
	}
	b := make([]byte, size)
	_, _ = rand.Read(b)
	if key {
		b[0], b[1], b[2] = 0x10, 0x00, 0x00 // P=0 (key frame), show_frame
		b[3], b[4], b[5] = 0x9d, 0x01, 0x2a
		b[6], b[7], b[8], b[9] = byte(w), byte(w>>8)&0x3f, byte(h), byte(h>>8)&0x3f
	} else {
		b[0] = (b[0] &^ 0x01) | 0x11 // P=1, show_frame
	}
	return b
}

func publish(ctx context.Context, room *lksdk.Room, layers []layer, fps, audioKbps int) error {
	audio, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeOpus, ClockRate: 48000, Channels: 2})
	if err != nil {
		return err
	}
	if _, err = room.LocalParticipant.PublishTrack(audio, &lksdk.TrackPublicationOptions{Name: "mic", Source: livekit.TrackSource_MICROPHONE}); err != nil {
		return err
	}
	go func() {
		frame := audioKbps * 1000 / 8 / 50 // 20 ms frames
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				b := make([]byte, frame)
				_, _ = rand.Read(b)
				_ = audio.WriteSample(media.Sample{Data: b, Duration: 20 * time.Millisecond}, nil)
			}
		}
	}()
	if len(layers) == 0 {
		return nil
	}
	tracks := make([]*lksdk.LocalTrack, 0, len(layers))
	for _, l := range layers {
		var opts []lksdk.LocalTrackOptions
		if len(layers) > 1 {
			opts = append(opts, lksdk.WithSimulcast("camera", &livekit.VideoLayer{Quality: l.quality, Width: uint32(l.width), Height: uint32(l.height), Bitrate: uint32(l.kbps * 1000)}))
		}
		tr, err := lksdk.NewLocalSampleTrack(webrtc.RTPCodecCapability{MimeType: webrtc.MimeTypeVP8, ClockRate: 90000}, opts...)
		if err != nil {
			return err
		}
		tracks = append(tracks, tr)
	}
	pubOpts := &lksdk.TrackPublicationOptions{Name: "camera", Source: livekit.TrackSource_CAMERA, VideoWidth: layers[0].width, VideoHeight: layers[0].height}
	if len(tracks) > 1 {
		_, err = room.LocalParticipant.PublishSimulcastTrack(tracks, pubOpts)
	} else {
		_, err = room.LocalParticipant.PublishTrack(tracks[0], pubOpts)
	}
	if err != nil {
		return err
	}
	for i, tr := range tracks {
		l := layers[i]
		go func(tr *lksdk.LocalTrack, l layer) {
			t := time.NewTicker(time.Second / time.Duration(fps))
			defer t.Stop()
			n := 0
			for {
				select {
				case <-ctx.Done():
					return
				case <-t.C:
					// A key frame every two seconds, three times an inter frame's size, as an encoder would.
					key := n%(2*fps) == 0
					size := l.kbps * 1000 / 8 / fps
					if key {
						size *= 3
					}
					_ = tr.WriteSample(media.Sample{Data: vp8Frame(size, key, l.width, l.height), Duration: time.Second / time.Duration(fps)}, nil)
					n++
				}
			}
		}(tr, l)
	}
	return nil
}

func receive(c *counters) *lksdk.RoomCallback {
	return &lksdk.RoomCallback{ParticipantCallback: lksdk.ParticipantCallback{
		OnTrackSubscribed: func(track *webrtc.TrackRemote, _ *lksdk.RemoteTrackPublication, _ *lksdk.RemoteParticipant) {
			video := track.Kind() == webrtc.RTPCodecTypeVideo
			if video {
				c.videoTracks.Add(1)
			} else {
				c.audioTracks.Add(1)
			}
			go func() {
				var last uint16
				first := true
				for {
					pkt, _, err := track.ReadRTP()
					if err != nil {
						return
					}
					n := int64(len(pkt.Payload))
					if video {
						c.videoBytes.Add(n)
					} else {
						c.audioBytes.Add(n)
					}
					c.packets.Add(1)
					if !first {
						if gap := int64(pkt.SequenceNumber - last - 1); gap > 0 && gap < 1000 {
							c.lost.Add(gap)
						}
					}
					if first || pkt.SequenceNumber-last < 0x8000 {
						last = pkt.SequenceNumber
					}
					first = false
				}
			}()
		},
	}}
}

func main() {
	url := flag.String("url", "", "LiveKit signalling URL (ws://…)")
	apiURL := flag.String("api-url", "", "LiveKit HTTP URL for RoomService")
	key := flag.String("key", "", "API key")
	secret := flag.String("secret", "", "API secret")
	sessions := flag.Int("sessions", 1, "1:1 sessions (two participants each)")
	warmup := flag.Duration("warmup", 5*time.Second, "time after connecting before the measured window")
	window := flag.Duration("window", 20*time.Second, "measured window")
	layersA := flag.String("layers-a", "", "first side's simulcast layers, e.g. 640x360@450,320x180@150,160x90@60; empty: no video")
	layersB := flag.String("layers-b", "", "second side's layers")
	fps := flag.Int("fps", 20, "video frames per second")
	audioKbps := flag.Int("audio-kbps", 32, "audio payload kbit/s")
	prefix := flag.String("prefix", "load", "room name prefix")
	flag.Parse()
	la, err := parseLayers(*layersA)
	if err == nil {
		var lb []layer
		lb, err = parseLayers(*layersB)
		run(*url, *apiURL, *key, *secret, *sessions, *warmup, *window, la, lb, *fps, *audioKbps, *prefix)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func run(url, apiURL, key, secret string, sessions int, warmup, window time.Duration, la, lb []layer, fps, audioKbps int, prefix string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	rooms := lksdk.NewRoomServiceClient(apiURL, key, secret)
	c := &counters{}
	var mu sync.Mutex
	var errs []string
	var connected atomic.Int32
	var open []*lksdk.Room
	var wg sync.WaitGroup
	fail := func(e error) {
		mu.Lock()
		if len(errs) < 10 {
			errs = append(errs, e.Error())
		}
		mu.Unlock()
	}
	for s := 0; s < sessions; s++ {
		name := prefix + "-" + strconv.Itoa(s)
		if _, err := rooms.CreateRoom(ctx, &livekit.CreateRoomRequest{Name: name, EmptyTimeout: 60}); err != nil {
			fail(err)
			continue
		}
		for side, layers := range [][]layer{la, lb} {
			wg.Add(1)
			go func(identity string, layers []layer) {
				defer wg.Done()
				token, err := auth.NewAccessToken(key, secret).SetIdentity(identity).
					SetVideoGrant(&auth.VideoGrant{RoomJoin: true, Room: name}).SetValidFor(time.Hour).ToJWT()
				if err != nil {
					fail(err)
					return
				}
				room, err := lksdk.ConnectToRoomWithToken(url, token, receive(c), lksdk.WithAutoSubscribe(true))
				if err != nil {
					fail(err)
					return
				}
				mu.Lock()
				open = append(open, room)
				mu.Unlock()
				if err := publish(ctx, room, layers, fps, audioKbps); err != nil {
					fail(err)
					return
				}
				connected.Add(1)
			}(fmt.Sprintf("%s-%d-%d", name, s, side), layers)
		}
		// Sessions arrive one after another, not all in the same millisecond.
		time.Sleep(50 * time.Millisecond)
	}
	wg.Wait()
	time.Sleep(warmup)
	v0, a0, p0, l0 := c.videoBytes.Load(), c.audioBytes.Load(), c.packets.Load(), c.lost.Load()
	fmt.Println("WINDOW_START")
	start := time.Now()
	time.Sleep(window)
	secs := time.Since(start).Seconds()
	fmt.Println("WINDOW_END")
	v1, a1, p1, l1 := c.videoBytes.Load(), c.audioBytes.Load(), c.packets.Load(), c.lost.Load()
	subs := float64(2 * sessions)
	lost, got := float64(l1-l0), float64(p1-p0)
	res := result{
		Sessions:        sessions,
		Connected:       int(connected.Load()),
		Errors:          errs,
		WindowSeconds:   secs,
		VideoKbpsPerSub: float64(v1-v0) * 8 / 1000 / secs / subs,
		AudioKbpsPerSub: float64(a1-a0) * 8 / 1000 / secs / subs,
		VideoSubscribed: int(c.videoTracks.Load()),
		AudioSubscribed: int(c.audioTracks.Load()),
	}
	if got+lost > 0 {
		res.LossPercent = 100 * lost / (got + lost)
	}
	if len(la) > 0 {
		res.ExpectedVideoKbps = la[0].kbps
	}
	if res.Errors == nil {
		res.Errors = []string{}
	}
	out, _ := json.Marshal(res)
	fmt.Println(string(out))
	cancel()
	for _, r := range open {
		r.Disconnect()
	}
	for s := 0; s < sessions; s++ {
		_, _ = rooms.DeleteRoom(context.Background(), &livekit.DeleteRoomRequest{Room: prefix + "-" + strconv.Itoa(s)})
	}
}
