// German and English strings of the counsellor's call view (loaded with the call).
import type { Strings } from '../shared/i18n.ts';

export const CALL = {
  de: {
    title: 'Videogespräch',
    joining: 'Verbindung wird aufgebaut …',
    state: {
      connecting: 'Verbinde …',
      connected: 'Verbunden',
      reconnecting: 'Verbindung unterbrochen, verbinde neu …',
      disconnected: 'Getrennt',
      failed: 'Die Verbindung zum Videoserver ist fehlgeschlagen.',
    } as Record<string, string>,
    citizenVideo: 'Video der Bürgerin / des Bürgers',
    interpreterVideo: 'Video der Dolmetschung',
    selfView: 'Ihr eigenes Bild',
    waitingForCitizen: 'Die Bürgerin / der Bürger ist noch nicht im Raum.',
    citizenAudioOnly: 'Kein Video – nur Ton.',
    quality: 'Verbindung der Bürgerin / des Bürgers',
    q: {
      excellent: 'sehr gut',
      good: 'gut',
      poor: 'schwach',
      lost: 'unterbrochen',
      unknown: 'unbekannt',
    } as Record<string, string>,
    link: { good: 'gut', fair: 'mäßig', weak: 'schwach' },
    linkDetail: (rtt: number | null, lossPct: number | null, fps: number | null) =>
      [
        rtt === null ? '' : `Antwortzeit ${Math.round(rtt)} ms`,
        lossPct === null ? '' : `${lossPct.toFixed(0)} % Verlust`,
        fps === null ? '' : `${fps.toFixed(0)} Bilder/s`,
      ]
        .filter(Boolean)
        .join(', '),
    mic: 'Mikrofon',
    camera: 'Kamera',
    share: 'Bildschirm teilen',
    sharing: 'Sie teilen Ihren Bildschirm.',
    audioOnly: 'Nur Audio',
    background: 'Hintergrund',
    bgOff: 'Normal',
    bgBlur: 'Weichzeichnen',
    bgPixelate: 'Verpixeln',
    blurFallback:
      'Dieser Browser kann nicht weichzeichnen: „Weichzeichnen“ verpixelt den Hintergrund stattdessen.',
    cameraDevice: 'Kamera wählen',
    micDevice: 'Mikrofon wählen',
    leave: 'Verlassen',
    end: 'Sitzung für beide beenden',
    endConfirm: 'Sitzung für beide beenden?',
    back: 'Zurück zu den Terminen',
    errors: {
      devices: 'Kamera oder Mikrofon konnten nicht gestartet werden. Bitte prüfen Sie die Berechtigungen.',
      screen: 'Die Bildschirmfreigabe wurde nicht gestartet.',
      background: 'Der Hintergrund-Effekt ist in diesem Browser nicht verfügbar.',
      backgroundSlow:
        'Der Hintergrund-Effekt wurde ausgeschaltet, weil dieser Computer dafür zu langsam ist. Ihr Bild wird jetzt ohne Effekt gesendet – achten Sie auf Ihren Hintergrund.',
    } as Record<string, string>,
  },
  en: {
    title: 'Video call',
    joining: 'Connecting …',
    state: {
      connecting: 'Connecting …',
      connected: 'Connected',
      reconnecting: 'Connection lost, reconnecting …',
      disconnected: 'Disconnected',
      failed: 'Could not connect to the video server.',
    } as Record<string, string>,
    citizenVideo: 'Citizen’s video',
    interpreterVideo: 'Interpreter’s video',
    selfView: 'Your own picture',
    waitingForCitizen: 'The citizen is not in the room yet.',
    citizenAudioOnly: 'No video – audio only.',
    quality: 'Citizen’s connection',
    q: { excellent: 'excellent', good: 'good', poor: 'weak', lost: 'lost', unknown: 'unknown' } as Record<
      string,
      string
    >,
    link: { good: 'good', fair: 'fair', weak: 'weak' },
    linkDetail: (rtt: number | null, lossPct: number | null, fps: number | null) =>
      [
        rtt === null ? '' : `round trip ${Math.round(rtt)} ms`,
        lossPct === null ? '' : `${lossPct.toFixed(0)} % loss`,
        fps === null ? '' : `${fps.toFixed(0)} frames/s`,
      ]
        .filter(Boolean)
        .join(', '),
    mic: 'Microphone',
    camera: 'Camera',
    share: 'Share screen',
    sharing: 'You are sharing your screen.',
    audioOnly: 'Audio only',
    background: 'Background',
    bgOff: 'Normal',
    bgBlur: 'Blur',
    bgPixelate: 'Pixelate',
    blurFallback: 'This browser cannot blur: “Blur” pixelates the background instead.',
    cameraDevice: 'Choose camera',
    micDevice: 'Choose microphone',
    leave: 'Leave',
    end: 'End session for both',
    endConfirm: 'End the session for both?',
    back: 'Back to appointments',
    errors: {
      devices: 'Camera or microphone could not be started. Please check the permissions.',
      screen: 'Screen sharing did not start.',
      background: 'The background effect is not available in this browser.',
      backgroundSlow:
        'The background effect was switched off because this computer is too slow for it. Your picture is now sent without the effect – mind your background.',
    } as Record<string, string>,
  },
} satisfies Strings<unknown>;
