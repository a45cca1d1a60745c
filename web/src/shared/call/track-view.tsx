// Shows one LiveKit video track in a <video>; attaching lets adaptive stream see the element's size and visibility.
import type { Track } from 'livekit-client';
import { useEffect, useRef } from 'preact/hooks';

export function TrackView(props: { track: Track | null; label: string; class?: string; mirror?: boolean }) {
  const ref = useRef<HTMLVideoElement>(null);
  const { track } = props;
  useEffect(() => {
    const el = ref.current;
    if (!track || !el) return;
    track.attach(el);
    return () => {
      track.detach(el);
    };
  }, [track]);
  return (
    <video
      ref={ref}
      class={props.class}
      aria-label={props.label}
      muted
      playsInline
      autoPlay
      style={props.mirror ? { transform: 'scaleX(-1)' } : undefined}
    />
  );
}
