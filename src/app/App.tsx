/** Placeholder shell until the browser app lands (issue 4): says what works today. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 720, margin: '4rem auto', lineHeight: 1.5 }}>
      <h1>Casino Data Studio</h1>
      <p>
        Deterministic, coherent synthetic casino bronze tables, generated entirely on your machine. The in-browser
        generator is being built; today the same engine runs from the command line:
      </p>
      <pre style={{ background: '#f3f4f6', padding: '1rem' }}>npm run generate -- --all --seed 7</pre>
      <p>See the README for every option.</p>
    </main>
  );
}
