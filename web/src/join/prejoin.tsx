// Before joining (loaded right after the first paint): camera/microphone self-check with a level meter, the
// connection check, data-use options, and the join itself (click 2).
import { computed, signal } from '@preact/signals';
import { ApiError, api } from '../shared/api.ts';
import { megabytesPer30Minutes, profileFor, profileKbps } from '../shared/call/profile.ts';
import { runConnectionCheck } from '../shared/connection-check.ts';
import { ConnectionCheck } from '../shared/connection-check-view.tsx';
import { tr } from '../shared/i18n.ts';
import { ice, runIceCheck } from '../shared/ice-check.ts';
import { errorText } from '../shared/ui.tsx';
import * as m from './model.ts';
import { level, mediaError, preview, previewIfAllowed, startPreview, stopPreview } from './precheck.ts';
import { PREJOIN_STRINGS } from './prejoin-strings.ts';

/** What went wrong on the last join attempt: the video service, the connection to it, or the request. */
const joinProblem = signal<'video_down' | 'connect' | ApiError | null>(null);
/** Chosen by the citizen; until then the connection check presets the options. */
let optionsTouched = false;
const estimateMb = computed(() =>
  megabytesPer30Minutes(
    profileKbps(profileFor(m.audioOnly.value ? 'audio' : m.dataSaver.value ? 'saver' : 'standard', null)),
  ),
);

function setOption(which: 'dataSaver' | 'audioOnly', on: boolean): void {
  optionsTouched = true;
  (which === 'dataSaver' ? m.dataSaver : m.audioOnly).value = on;
}

/**
 * Self-view if already allowed and the connection check (presetting the options). The video library loads
 * while the upload is measured (the downlink is idle then) and the citizen reads, so the join click does not
 * wait for it.
 */
export async function runChecks(): Promise<void> {
  void previewIfAllowed();
  let loading = false;
  const loadCall = () => {
    if (loading) return;
    loading = true;
    void m.loadCallView().catch(() => {
      loading = false;
    });
  };
  const verdict = await runConnectionCheck(loadCall);
  if (!optionsTouched) {
    m.dataSaver.value = verdict === 'fair' || verdict === 'poor';
    m.audioOnly.value = verdict === 'poor';
  }
  loadCall();
  await runIceCheck(() => api.joinIce(m.code));
  // Media relayed over TCP waits for every lost packet: a smaller picture keeps speech in time.
  if (ice.value && !ice.value.udp && !optionsTouched) m.dataSaver.value = true;
}

/** A short browser label for the join-failure statistics (no personal data). */
function browserLabel(): string {
  const found = /(Edg|OPR|SamsungBrowser|Firefox|CriOS|Chrome|Version)\/(\d+)/.exec(navigator.userAgent);
  const name = found?.[1] === 'Version' ? 'Safari' : (found?.[1] ?? 'other');
  return `${name} ${found?.[2] ?? ''}`.trim();
}

function reportFailure(reason: string): void {
  const clean = reason.replace(/[^A-Za-z0-9 ._:/()+-]/g, ' ').slice(0, 200);
  void api.joinFailure(m.code, browserLabel(), clean).catch(() => {});
}

/** Click 2: permission for camera (or microphone only), a video token, the call module, connected. */
export async function join(): Promise<void> {
  if (m.phase.value === 'joining') return;
  m.phase.value = 'joining';
  joinProblem.value = null;
  const video = !m.audioOnly.value;
  // Without a camera the citizen may still join by voice; the self-check says why.
  if (!preview.value && !(await startPreview(video)) && video) await startPreview(false);
  const camera = !!preview.value?.getVideoTracks().length;
  stopPreview();
  try {
    const [ticket, view] = await Promise.all([api.join(m.code), m.loadCallView()]);
    m.ticket.value = ticket;
    await view.startCall(ticket, { dataSaver: m.dataSaver.value, audioOnly: m.audioOnly.value, camera });
    m.phase.value = 'call';
  } catch (e) {
    if (e instanceof ApiError && e.status) {
      if (e.status === 404) {
        m.phase.value = 'invalid';
        return;
      }
      if (e.code === 'join_not_open' || e.status === 410) return m.loadStatus();
      joinProblem.value = e.code === 'video_unavailable' ? 'video_down' : e;
    } else joinProblem.value = 'connect';
    reportFailure(`connect: ${(e as Error)?.name ?? 'error'} ${(e as Error)?.message ?? ''}`);
    m.phase.value = 'ready';
  }
}

function SelfCheck() {
  const s = tr(PREJOIN_STRINGS);
  const stream = preview.value;
  const problem = mediaError.value;
  return (
    <section aria-labelledby="media-h">
      <h2 id="media-h">{s.mediaTitle}</h2>
      {stream ? (
        <div class="selfcheck">
          {stream.getVideoTracks().length ? (
            <video
              class="self"
              aria-label={s.selfView}
              muted
              playsInline
              autoPlay
              ref={(el) => {
                if (el && el.srcObject !== stream) el.srcObject = stream;
              }}
            />
          ) : null}
          <label for="level">{s.level}</label>
          <meter id="level" min={0} max={1} low={0.05} value={level} />
          <small class="muted">{s.levelHint}</small>
        </div>
      ) : (
        <button type="button" class="secondary" onClick={() => void startPreview(!m.audioOnly.value)}>
          {s.mediaTest}
        </button>
      )}
      {problem ? (
        <p role="alert" class="err">
          {problem === 'denied' ? s.denied : s.noDevice}
        </p>
      ) : null}
    </section>
  );
}

function Options() {
  const s = tr(PREJOIN_STRINGS);
  const box = (which: 'dataSaver' | 'audioOnly', label: string) => (
    <label>
      <input
        type="checkbox"
        checked={(which === 'dataSaver' ? m.dataSaver : m.audioOnly).value}
        onChange={(e) => setOption(which, (e.currentTarget as HTMLInputElement).checked)}
      />{' '}
      {label}
    </label>
  );
  return (
    <fieldset class="options">
      <legend>{s.optionsTitle}</legend>
      {box('dataSaver', s.dataSaver)}
      {box('audioOnly', s.audioOnly)}
      <p class="muted" aria-live="polite">
        {s.estimate(estimateMb.value)}
      </p>
    </fieldset>
  );
}

export function Checks() {
  return (
    <>
      <SelfCheck />
      <ConnectionCheck />
      <Options />
    </>
  );
}

export function JoinProblem() {
  const s = tr(PREJOIN_STRINGS);
  const problem = joinProblem.value;
  return problem ? (
    <p role="alert" class="err">
      {problem === 'video_down' ? s.videoDown : problem === 'connect' ? s.connectFailed : errorText(problem)}
    </p>
  ) : null;
}
