// German and English strings of the checks before joining (camera, microphone, data use, join errors).
import type { Strings } from '../shared/i18n.ts';

export const PREJOIN_STRINGS = {
  de: {
    mediaTitle: 'Kamera und Mikrofon',
    mediaTest: 'Kamera und Mikrofon testen',
    selfView: 'Ihr eigenes Kamerabild',
    level: 'Lautstärke Ihres Mikrofons',
    levelHint: 'Sprechen Sie kurz: Der Balken sollte sich bewegen.',
    denied:
      'Kamera oder Mikrofon sind blockiert. Bitte erlauben Sie den Zugriff in den Einstellungen Ihres Browsers (Schloss-Symbol neben der Adresse) und versuchen Sie es erneut – oder treten Sie nur mit Ton bei.',
    noDevice:
      'Es wurde keine Kamera oder kein Mikrofon gefunden. Sie können nur mit Ton oder ohne Kamera beitreten.',
    optionsTitle: 'Datenverbrauch',
    dataSaver: 'Datensparmodus (kleines Bild, weniger Daten)',
    audioOnly: 'Nur Ton (ohne Video)',
    estimate: (mb: number) => `Geschätzter Verbrauch: ca. ${mb} MB pro 30 Minuten.`,
    videoDown: 'Der Videodienst ist gerade nicht erreichbar. Bitte versuchen Sie es in einer Minute erneut.',
    connectFailed:
      'Die Verbindung zum Videoraum ist fehlgeschlagen. Bitte versuchen Sie es erneut; bei einer schwachen Verbindung hilft „Nur Ton“.',
    ice: {
      direct: 'Der Videodienst ist aus Ihrem Netz direkt erreichbar.',
      relay:
        'Ihr Netz sperrt den direkten Weg. Das Gespräch läuft über einen gesicherten Umweg und kann etwas verzögert sein.',
      blocked:
        'Ihr Netz lässt keine Videoverbindung zu. Bitte versuchen Sie ein anderes Netz, zum Beispiel mobile Daten.',
    },
  },
  en: {
    mediaTitle: 'Camera and microphone',
    mediaTest: 'Test camera and microphone',
    selfView: 'Your own camera picture',
    level: 'Your microphone level',
    levelHint: 'Say something: the bar should move.',
    denied:
      'Camera or microphone are blocked. Please allow access in your browser settings (the lock symbol next to the address) and try again – or join with audio only.',
    noDevice: 'No camera or microphone was found. You can join with audio only or without a camera.',
    optionsTitle: 'Data use',
    dataSaver: 'Data saver (small picture, less data)',
    audioOnly: 'Audio only (no video)',
    estimate: (mb: number) => `Estimated use: about ${mb} MB per 30 minutes.`,
    videoDown: 'The video service is unavailable right now. Please try again in a minute.',
    connectFailed:
      'Connecting to the video room failed. Please try again; on a weak connection “audio only” helps.',
    ice: {
      direct: 'The video service can be reached directly from your network.',
      relay:
        'Your network blocks the direct path. The call takes a secured detour and may be slightly delayed.',
      blocked:
        'Your network does not allow a video connection. Please try another network, for example mobile data.',
    },
  },
} satisfies Strings<unknown>;
