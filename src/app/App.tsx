/** Casino Data Studio: configure a scenario, generate it in a Web Worker, download the files. */
import { useEffect } from 'react';
import { ChartsPanel } from './components/ChartsPanel';
import { ExplorePanel } from './components/ExplorePanel';
import { FilesPanel } from './components/FilesPanel';
import { IntegrityPanel } from './components/IntegrityPanel';
import { LakehousePanel } from './components/LakehousePanel';
import { RunPanel } from './components/RunPanel';
import { ScenarioPanel } from './components/ScenarioPanel';
import { shareUrl, useApp } from './store';

/** Keeps the address bar on the current scenario, so the page's URL is always a shareable link. */
function useScenarioInUrl(): void {
  const validation = useApp((s) => s.validation);
  const linkErrors = useApp((s) => s.linkErrors);
  const partitioning = useApp((s) => s.partitioning);
  useEffect(() => {
    if (validation.ok && linkErrors.length === 0) history.replaceState(null, '', shareUrl(validation.scenario, location, partitioning));
  }, [validation, linkErrors, partitioning]);
}

export function App() {
  useScenarioInUrl();
  const linkErrors = useApp((s) => s.linkErrors);
  return (
    <div className="app">
      <header>
        <h1>Casino Data Studio</h1>
        <p>
          Coherent synthetic casino bronze tables for lakehouse demos, generated in your browser. Nothing leaves this page.{' '}
          <a href="#lakehouse">Load into a lakehouse</a>
        </p>
      </header>
      {linkErrors.length > 0 && (
        <div className="link-errors" role="alert">
          <p>This link does not describe a scenario this version can generate, so the default scenario is shown instead:</p>
          <ul>{linkErrors.map((e) => <li key={e}>{e}</li>)}</ul>
        </div>
      )}
      <main>
        <ScenarioPanel />
        <div className="results">
          <RunPanel />
          <FilesPanel />
          <IntegrityPanel />
        </div>
      </main>
      <ChartsPanel />
      <ExplorePanel />
      <LakehousePanel />
    </div>
  );
}
