// German strings of the connection check.
export default {
  checkTitle: 'Verbindungstest',
  checking: 'Verbindung wird geprüft …',
  check: {
    good: 'Ihre Verbindung ist gut. Video sollte gut funktionieren.',
    fair: 'Ihre Verbindung ist mäßig. Video funktioniert im Datensparmodus.',
    poor: 'Ihre Verbindung ist schwach. Wir empfehlen „Nur Ton“.',
    offline: 'Keine Verbindung. Bitte prüfen Sie Ihr Internet.',
  },
  measured: (kbps: number, rtt: number) =>
    `gemessen: ${kbps >= 10_000 ? 'über 10 000' : `ca. ${kbps}`} kbit/s, Antwortzeit ${rtt} ms`,
  measuredUp: (kbps: number) => `, senden ${kbps >= 10_000 ? 'über 10 000' : `ca. ${kbps}`} kbit/s`,
  checkAgain: 'Erneut prüfen',
  // The WebRTC check: UDP to the video host, or only TURN/TLS, or nothing.
  ice: {
    direct: 'Der Videodienst ist aus Ihrem Netz direkt erreichbar.',
    relay:
      'Ihr Netz sperrt den direkten Weg. Das Gespräch läuft über einen gesicherten Umweg und kann etwas verzögert sein.',
    blocked:
      'Ihr Netz lässt keine Videoverbindung zu. Bitte versuchen Sie ein anderes Netz, zum Beispiel mobile Daten.',
  },
};
