// Noticing who waits: a chime and (with permission) a desktop notification when a citizen enters the waiting room,
// besides the tab title; for a counsellor working in another window or with the dashboard behind it.
import { effect, signal } from '@preact/signals';
import { formatTime, tr } from '../shared/i18n.ts';
import { navigate } from '../staff/router.ts';
import { type AgendaItem, loaded, waiting, weekStart } from './model.ts';
import { C } from './strings.ts';

const SOUND_KEY = 'br-waiting-sound';

function readSoundPref(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) !== 'off';
  } catch {
    return true;
  }
}

export const soundOn = signal(readSoundPref());
export const permission = signal<NotificationPermission | 'unsupported'>(
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
);

export function setSound(on: boolean): void {
  soundOn.value = on;
  try {
    localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  } catch {
    // Not remembered; it still applies now.
  }
  if (on) unlockAudio();
}

export async function askPermission(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  permission.value = await Notification.requestPermission();
}

/**
 * Who just arrived: the waiting items whose ids were not waiting before.
 * @example arrivals(new Set(['a']), [{ id: 'a' }, { id: 'b' }]) // [{ id: 'b' }]
 */
export function arrivals<T extends { id: string }>(before: ReadonlySet<string>, now: readonly T[]): T[] {
  return now.filter((i) => !before.has(i.id));
}

// Browsers let a page make sound only after a user gesture; the login click or any later one unlocks it.
let audio: AudioContext | null = null;
function unlockAudio(): void {
  if (typeof AudioContext === 'undefined') return;
  audio ??= new AudioContext();
  if (audio.state === 'suspended') void audio.resume();
}

/** Two soft rising tones, like a door chime: noticeable through a headset without startling. False if muted by the browser. */
export function chime(): boolean {
  const ctx = audio;
  if (ctx?.state !== 'running') return false;
  const t0 = ctx.currentTime;
  for (const [i, frequency] of [659.25, 880].entries()) {
    const t = t0 + i * 0.18;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(0.2, t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.5);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.55);
  }
  return true;
}

/** No names on the desktop: notifications show on lock screens and shared monitors. */
function notify(fresh: AgendaItem[]): void {
  if (permission.value !== 'granted') return;
  if (document.hasFocus() && !document.hidden) return;
  const s = tr(C);
  const first = fresh[0]!;
  const n = new Notification(s.alertTitle(fresh.length), {
    body: s.alertBody(formatTime(first.start), first.serviceName),
    tag: 'br-waiting',
    lang: document.documentElement.lang,
  });
  n.onclick = () => {
    window.focus();
    navigate('/counsellor');
    n.close();
  };
}

/** Watches the agenda from the first load on; who already waits then is seen, not announced. */
export function startWaitingAlerts(): () => void {
  addEventListener('pointerdown', unlockAudio, { capture: true });
  addEventListener('keydown', unlockAudio, { capture: true });
  let seen: Set<string> | null = null;
  let week = weekStart.value;
  return effect(() => {
    const list = waiting.value;
    // Another week shows nobody waiting; coming back must not announce them again.
    if (weekStart.value !== week) {
      week = weekStart.value;
      seen = null;
      return;
    }
    if (!loaded.value) return;
    const ids = new Set(list.map((i) => i.id));
    const fresh = seen ? arrivals(seen, list) : [];
    seen = ids;
    if (fresh.length === 0) return;
    if (soundOn.value) chime();
    notify(fresh);
  });
}
