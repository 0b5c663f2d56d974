/** Casino Data Studio: configure a scenario, generate it in a Web Worker, download the files. */
import { ExplorePanel } from './components/ExplorePanel';
import { FilesPanel } from './components/FilesPanel';
import { RunPanel } from './components/RunPanel';
import { ScenarioPanel } from './components/ScenarioPanel';

export function App() {
  return (
    <div className="app">
      <header>
        <h1>Casino Data Studio</h1>
        <p>Coherent synthetic casino bronze tables for lakehouse demos, generated in your browser. Nothing leaves this page.</p>
      </header>
      <main>
        <ScenarioPanel />
        <div className="results">
          <RunPanel />
          <FilesPanel />
        </div>
      </main>
      <ExplorePanel />
    </div>
  );
}
