// The service explained in Leichte Sprache (easy-to-read German, BITV 2.0 § 4): short sentences, one idea each.

/** Always German: Leichte Sprache is a German standard, so the content says so to screen readers in any page language. */
export function EasyLanguage() {
  return (
    <div lang="de" dir="ltr" class="easy">
      <h1 tabIndex={-1}>Video·beratung in Leichter Sprache</h1>
      <h2>Was ist die Video·beratung?</h2>
      <p>Sie können mit einer Beraterin sprechen.</p>
      <p>Oder mit einem Berater.</p>
      <p>Sie müssen dafür nicht ins Amt kommen.</p>
      <p>Sie sehen sich am Bildschirm.</p>
      <p>Und Sie hören sich.</p>
      <p>Das heißt: Video·beratung.</p>
      <h2>Was brauchen Sie?</h2>
      <ul>
        <li>Ein Handy mit Internet.</li>
        <li>Oder einen Computer mit Internet.</li>
        <li>Eine Kamera und ein Mikrofon. Die sind in jedem Handy schon drin.</li>
      </ul>
      <p>Sie brauchen kein Programm. Sie brauchen nur den Browser.</p>
      <p>Der Browser ist das Programm für Internet·seiten.</p>
      <h2>So buchen Sie einen Termin</h2>
      <ol>
        <li>Gehen Sie auf die Seite zum Termin·buchen.</li>
        <li>Wählen Sie ein Thema.</li>
        <li>Wählen Sie einen Tag und eine Uhrzeit.</li>
        <li>Schreiben Sie Ihre Handy·nummer auf.</li>
        <li>Klicken Sie auf: Termin verbindlich buchen.</li>
      </ol>
      <p>Dann bekommen Sie eine SMS. In der SMS ist ein Link.</p>
      <h2>Am Tag vom Termin</h2>
      <ol>
        <li>Öffnen Sie den Link aus der SMS.</li>
        <li>Klicken Sie auf: Kamera erlauben und beitreten.</li>
        <li>Warten Sie kurz. Die Beraterin oder der Berater kommt gleich.</li>
      </ol>
      <h2>Wichtig</h2>
      <p>Niemand darf das Gespräch aufnehmen.</p>
      <p>Auch Sie dürfen das Gespräch nicht aufnehmen.</p>
      <p>Das ist verboten.</p>
      <p>Sie können den Termin absagen. Den Link dafür finden Sie auch in der SMS.</p>
      <h2>Sie brauchen Hilfe?</h2>
      <p>Sie können eine Person mitbringen. Die Person kann Ihnen helfen.</p>
      <p>
        <a href="/">Hier geht es zum Termin·buchen.</a>
      </p>
    </div>
  );
}
