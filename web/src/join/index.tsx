// Placeholder for the join page until its feature lands.
import { render } from 'preact';

function App() {
  return (
    <main>
      <h1>Beratungsraum</h1>
    </main>
  );
}

render(<App />, document.getElementById('app')!);
