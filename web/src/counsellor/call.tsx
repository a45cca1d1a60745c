// The call view (its own chunk, with livekit-client): the citizen large, self-view small, and the controls.
import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { RemotePeer } from '../shared/call/index.ts';
import { TrackView } from '../shared/call/track-view.tsx';
import { tr } from '../shared/i18n.ts';
import { call as request } from '../staff/api.ts';
import type { BackgroundMode } from '../staff/call/background.ts';
import { CallSession, type JoinTicket } from '../staff/call/session.ts';
import { navigate } from '../staff/router.ts';
import { errorText } from '../staff/shell.tsx';
import { CALL } from './call-strings.ts';

/** The citizen's line from their own measurements (round trip, loss) and the frame rate arriving here. */
function CitizenLink({ peer }: { peer: RemotePeer }) {
  const s = tr(CALL);
  const l = peer.linkSample;
  if (!peer.link || !l || peer.quality === 'lost')
    return (
      <strong class={`q-${peer.quality}`} data-quality={peer.quality}>
        {s.q[peer.quality] ?? s.q.unknown}
      </strong>
    );
  return (
    <>
      <strong class={`q-${peer.link}`} data-quality={peer.link}>
        {s.link[peer.link]}
      </strong>{' '}
      <small>({s.linkDetail(l.rttMs, l.loss === null ? null : l.loss * 100, l.fps)})</small>
    </>
  );
}

export default function CallView({ bookingId }: { bookingId: string }) {
  const s = tr(CALL);
  const session = useSignal<CallSession | null>(null);
  const fatal = useSignal('');
  useEffect(() => {
    let cs: CallSession | null = null;
    let cancelled = false;
    (async () => {
      try {
        const ticket = await request<JoinTicket>('POST', `/api/staff/bookings/${bookingId}/join`);
        if (cancelled) return;
        cs = await CallSession.start(ticket);
        if (cancelled) {
          await cs.leave();
          return;
        }
        session.value = cs;
        (window as unknown as { __brCall?: CallSession }).__brCall = cs;
      } catch (e) {
        fatal.value = errorText(e);
      }
    })();
    return () => {
      cancelled = true;
      void cs?.leave();
    };
  }, [bookingId]);
  return (
    <>
      <h1 tabIndex={-1}>{s.title}</h1>
      {fatal.value ? (
        <div class="stack">
          <p class="err" role="alert">
            {fatal.value}
          </p>
          <p>
            <button type="button" class="secondary" onClick={() => navigate('/counsellor')}>
              {s.back}
            </button>
          </p>
        </div>
      ) : session.value ? (
        <InCall cs={session.value} bookingId={bookingId} />
      ) : (
        <p role="status">{s.joining}</p>
      )}
    </>
  );
}

function InCall({ cs, bookingId }: { cs: CallSession; bookingId: string }) {
  const s = tr(CALL);
  const ending = useSignal('');
  const end = async () => {
    if (!confirm(s.endConfirm)) return;
    try {
      await request('POST', `/api/staff/bookings/${bookingId}/end`);
      await cs.leave();
      navigate('/counsellor');
    } catch (e) {
      ending.value = errorText(e);
    }
  };
  const leave = async () => {
    await cs.leave();
    navigate('/counsellor');
  };
  const call = cs.call;
  const state = call.state.value;
  const citizen = cs.citizen.value;
  const interpreter = call.peers.value.find((p) => p.role === 'interpreter');
  return (
    <div class="call">
      <p role="status" aria-live="polite">
        {s.state[state]}
        {state === 'connected' && !citizen ? ` – ${s.waitingForCitizen}` : ''}
        {citizen && (
          <>
            {' '}
            – {s.quality}: <CitizenLink peer={citizen} />
          </>
        )}
      </p>
      <div class={interpreter ? 'stage trio' : 'stage'}>
        <TrackView track={citizen?.camera ?? null} label={s.citizenVideo} class="remote" />
        {interpreter && <TrackView track={interpreter.camera} label={s.interpreterVideo} class="remote" />}
        {citizen && !citizen.camera && <p class="stage-note">{s.citizenAudioOnly}</p>}
        <TrackView track={call.cameraOn.value ? cs.localVideo.value : null} label={s.selfView} class="self" />
      </div>
      {cs.sharing.value && <p class="notice">{s.sharing}</p>}
      {cs.error.value && (
        <p class="err" role="alert">
          {s.errors[cs.error.value] ?? cs.error.value}
        </p>
      )}
      {ending.value && (
        <p class="err" role="alert">
          {ending.value}
        </p>
      )}
      <div class="controls row">
        <button
          type="button"
          aria-pressed={call.microphoneOn.value}
          onClick={() => void call.setMicrophone(!call.microphoneOn.value)}
        >
          {s.mic}
        </button>
        <button
          type="button"
          aria-pressed={call.cameraOn.value}
          disabled={call.audioOnly.value}
          onClick={() => void call.setCamera(!call.cameraOn.value)}
        >
          {s.camera}
        </button>
        <button type="button" aria-pressed={cs.sharing.value} onClick={() => void cs.toggleScreenShare()}>
          {s.share}
        </button>
        <button
          type="button"
          aria-pressed={call.audioOnly.value}
          onClick={() => void call.setAudioOnly(!call.audioOnly.value)}
        >
          {s.audioOnly}
        </button>
      </div>
      <div class="row end">
        <fieldset>
          <legend>{s.background}</legend>
          {(
            [
              ['off', s.bgOff],
              ['blur', s.bgBlur],
              ['pixelate', s.bgPixelate],
            ] as [BackgroundMode, string][]
          ).map(([mode, label]) => (
            <label key={mode} class="radio">
              <input
                type="radio"
                name="background"
                value={mode}
                checked={cs.background.value === mode}
                onChange={() => void cs.setBackground(mode)}
              />{' '}
              {label}
            </label>
          ))}
          {cs.blurWorks ? null : <small class="muted">{s.blurFallback}</small>}
        </fieldset>
        <DeviceSelect
          id="cam-select"
          label={s.cameraDevice}
          devices={cs.cameras.value}
          onPick={(d) => cs.switchDevice('videoinput', d)}
        />
        <DeviceSelect
          id="mic-select"
          label={s.micDevice}
          devices={cs.microphones.value}
          onPick={(d) => cs.switchDevice('audioinput', d)}
        />
      </div>
      <div class="row">
        <button type="button" class="secondary" onClick={() => void leave()}>
          {s.leave}
        </button>
        <button type="button" class="danger" onClick={() => void end()}>
          {s.end}
        </button>
      </div>
    </div>
  );
}

function DeviceSelect(props: {
  id: string;
  label: string;
  devices: MediaDeviceInfo[];
  onPick: (deviceId: string) => Promise<void>;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} onChange={(e) => void props.onPick(e.currentTarget.value)}>
        {props.devices.map((d, i) => (
          <option key={d.deviceId} value={d.deviceId}>
            {d.label || `${props.label} ${i + 1}`}
          </option>
        ))}
      </select>
    </div>
  );
}
