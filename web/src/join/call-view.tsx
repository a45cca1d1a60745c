// The call as the citizen sees it: counsellor (or their screen) large, self-view small, controls, live status,
// the waiting room before the counsellor arrives, and the survey after leaving. Loaded lazily with livekit-client.
import { effect, signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { api, type JoinTicket } from '../shared/api.ts';
import { type Call, connect, megabytesPer30Minutes } from '../shared/call/index.ts';
import { arrangeStage, type Tile } from '../shared/call/stage.ts';
import { TrackView } from '../shared/call/track-view.tsx';
import { tr } from '../shared/i18n.ts';
import { LangSwitch } from '../shared/ui.tsx';
import { CALL_STRINGS } from './call-strings.ts';
import * as m from './model.ts';
import { Survey } from './survey.tsx';

const call = signal<Call | null>(null);
const noticeOpen = signal(true);
const justReconnected = signal(false);
const delayMinutes = signal(0);
/** Caps offered in kbit/s: from a modest video call down to audio only. */
const CAPS = [700, 400, 250, 100];

export async function startCall(
  ticket: JoinTicket,
  options: { dataSaver: boolean; audioOnly: boolean; camera: boolean },
): Promise<void> {
  const c = await connect({ serverUrl: ticket.serverUrl, token: ticket.token, role: 'citizen', ...options });
  call.value = c;
  noticeOpen.value = true;
  delayMinutes.value = ticket.delayMinutes ?? 0;
  let seen = 0;
  effect(() => {
    if (c.reconnects.value === seen) return;
    seen = c.reconnects.value;
    justReconnected.value = true;
    setTimeout(() => {
      justReconnected.value = false;
    }, 6000);
  });
  // While waiting, the counsellor may report a delay; the page says so.
  const poll = setInterval(() => {
    if (c.state.value === 'disconnected') return clearInterval(poll);
    if (c.peers.value.some((p) => p.role === 'counsellor')) return;
    void api.joinStatus(m.code).then(
      (s) => {
        delayMinutes.value = s.delayMinutes;
      },
      () => {},
    );
  }, 20_000);
}

function statusText(c: Call, hasCounsellor: boolean): string {
  const s = tr(CALL_STRINGS);
  const state = c.state.value;
  if (state === 'connecting') return s.connecting;
  if (state === 'reconnecting') return s.reconnecting;
  const parts = [justReconnected.value ? s.reconnected : ''];
  const step = c.autoStepped.value;
  if (step) parts.push(step.up ? s.steppedUp[step.to] : s.stepped[step.to]);
  else if (c.localQuality.value === 'poor' || c.localQuality.value === 'lost') parts.push(s.weak);
  if (!hasCounsellor) {
    parts.push(s.waiting);
    if (delayMinutes.value > 0) parts.push(s.delay(delayMinutes.value));
  } else parts.push(s.connected);
  return parts.filter(Boolean).join(' ');
}

function Toggle(props: { pressed: boolean; label: string; onToggle: (next: boolean) => void }) {
  return (
    <button type="button" aria-pressed={props.pressed} onClick={() => props.onToggle(!props.pressed)}>
      {props.label}
    </button>
  );
}

function Controls({ c }: { c: Call }) {
  const s = tr(CALL_STRINGS);
  return (
    <fieldset class="controls">
      <legend class="sr-only">{s.controls}</legend>
      <Toggle
        pressed={!c.microphoneOn.value}
        label={s.mute}
        onToggle={(muted) => void c.setMicrophone(!muted)}
      />
      {c.audioOnly.value ? null : (
        <Toggle pressed={!c.cameraOn.value} label={s.cameraOff} onToggle={(off) => void c.setCamera(!off)} />
      )}
      <Toggle pressed={c.audioOnly.value} label={s.audioOnly} onToggle={(on) => void c.setAudioOnly(on)} />
      <Toggle pressed={c.dataSaver.value} label={s.dataSaver} onToggle={(on) => void c.setDataSaver(on)} />
      <span class="cap">
        <label for="cap">{s.cap}</label>
        <select
          id="cap"
          value={String(c.bitrateCapKbps.value ?? '')}
          onChange={(e) => {
            const v = (e.currentTarget as HTMLSelectElement).value;
            void c.setBitrateCap(v ? Number(v) : null);
          }}
        >
          <option value="">{s.noCap}</option>
          {CAPS.map((k) => (
            <option key={k} value={String(k)}>
              {s.capOption(k, megabytesPer30Minutes(k))}
            </option>
          ))}
        </select>
      </span>
      <button type="button" class="danger" onClick={() => void c.leave()}>
        {s.leave}
      </button>
    </fieldset>
  );
}

/** The call's own frame: header with the language switch, and the main landmark. */
function Frame(props: { call?: boolean; children: ComponentChildren }) {
  return (
    <>
      <header class="top">
        <span class="brand">Beratungsraum</span>
        <LangSwitch />
      </header>
      <main id="main" class={props.call ? 'call' : undefined}>
        {props.children}
      </main>
    </>
  );
}

function AfterCall({ c }: { c: Call }) {
  const s = tr(CALL_STRINGS);
  const reason = c.endReason.value;
  return (
    <Frame>
      <h1>{reason === 'lost' ? s.lost : reason === 'duplicate' ? s.duplicate : s.ended}</h1>
      {reason === 'left' || reason === 'lost' ? (
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              call.value = null;
              m.phase.value = 'ready';
            }}
          >
            {s.rejoin}
          </button>
        </p>
      ) : null}
      <Survey />
    </Frame>
  );
}

export function CallPage() {
  const s = tr(CALL_STRINGS);
  const c = call.value;
  if (!c) return null;
  if (c.state.value === 'disconnected') return <AfterCall c={c} />;
  const ticket = m.ticket.value;
  const peer = c.peers.value.find((p) => p.role === 'counsellor') ?? c.peers.value[0];
  const stage = arrangeStage(c.peers.value, ticket?.role ?? 'citizen', ticket?.interpreterLanguage === 'dgs');
  const main = stage.main?.track ?? null;
  const labelOf = (t: Tile) =>
    t.screen
      ? s.screen
      : t.peer.role === 'interpreter'
        ? s.interpreterVideo
        : t.peer.role === 'citizen'
          ? s.citizenVideo
          : s.counsellorVideo;
  return (
    <Frame call>
      <h1 class="sr-only">{s.title}</h1>
      {noticeOpen.value && ticket ? (
        <section class="notice warn" aria-labelledby="call-notice-h">
          <h2 id="call-notice-h">{ticket.notice.title}</h2>
          <p>{ticket.notice.text}</p>
          <button type="button" class="secondary" onClick={() => (noticeOpen.value = false)}>
            {s.understood}
          </button>
        </section>
      ) : null}
      <p class={c.state.value === 'reconnecting' ? 'status err' : 'status'} role="status" aria-live="polite">
        {statusText(c, !!peer && peer.role === 'counsellor')}
      </p>
      {c.audioBlocked.value ? (
        <button type="button" onClick={() => void c.startAudio()}>
          {s.enableAudio}
        </button>
      ) : null}
      <div class="stage">
        {main && stage.main ? (
          <TrackView track={main} class="main" label={labelOf(stage.main)} />
        ) : (
          <div class="main placeholder">{peer ? `${s.counsellor}: ${s.noVideo}` : s.waitingRoom}</div>
        )}
        <div class="strip">
          {stage.side
            .filter((t) => t.track)
            .map((t) => (
              <TrackView
                key={`${t.peer.identity}-${t.screen}`}
                track={t.track}
                class="thumb peer"
                label={labelOf(t)}
              />
            ))}
        </div>
        {c.localCamera.value ? (
          <TrackView track={c.localCamera.value} class="thumb" label={s.self} mirror />
        ) : null}
      </div>
      <Controls c={c} />
      <p class="muted">{s.estimate(c.megabytesPer30Min.value)}</p>
    </Frame>
  );
}
