// German strings of the checks before joining (camera, microphone, data use, join errors).
export default {
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
};
