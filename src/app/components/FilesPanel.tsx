/** The generated files: each downloadable, or all as one zip with manifest.json (SPEC 13.4), and where they are kept. */
import { useEffect, useMemo, useState } from 'react';
import { formatInstant } from '../../generators/scenario/instant';
import { isDeltaLog } from '../../export/delta/delta-log';
import { save } from '../download';
import { approxSize, count, fileSize } from '../format';
import { useApp } from '../store';

/** `YYYY-MM-DD HH:MM` of an instant (µs). */
const minute = (us: number) => formatInstant(us).slice(0, 16).replace('T', ' ');

export function FilesPanel() {
  const { result, status, downloadZip, filesCleared, clearStoredFiles, pickedFolder } = useApp();
  const [zipping, setZipping] = useState(false);
  const [zipError, setZipError] = useState<string | null>(null);
  const urls = useMemo(() => (result ? result.files.map((f) => URL.createObjectURL(f.data)) : []), [result]);
  useEffect(() => () => urls.forEach((u) => URL.revokeObjectURL(u)), [urls]);
  if (status !== 'done' || !result) return null;
  const f = result.filings;
  const stored = result.files.reduce((n, file) => n + file.bytes, 0);
  if (filesCleared !== null) {
    return (
      <section className="panel files" aria-label="Files">
        <h2>Files</h2>
        <p className="kept">Stored files cleared: {approxSize(filesCleared)} freed in browser storage. Generate again to get them back.</p>
      </section>
    );
  }
  return (
    <section className="panel files" aria-label="Files">
      <div className="actions">
        <h2>Files</h2>
        {result.sink === 'opfs' && (
          <button type="button" className="secondary" disabled={zipping} onClick={() => void clearStoredFiles()}>Clear stored files</button>
        )}
        <button
          type="button"
          className="primary"
          disabled={zipping}
          onClick={async () => {
            setZipping(true);
            setZipError(null);
            try {
              const zip = await downloadZip();
              save(zip.name, zip.data);
            } catch (error) {
              setZipError(error instanceof Error ? error.message : String(error));
            } finally {
              setZipping(false);
            }
          }}
        >
          {zipping ? 'Preparing zip…' : 'Download all (.zip)'}
        </button>
      </div>
      <p className="kept">
        {{
          opfs: `These files (${approxSize(stored)}, and the zip once made) are stored in this browser's storage (OPFS) on this computer until you clear them, start a new run, or open the app again.`,
          folder: `These files (${approxSize(stored)}, and the zip once made) were written to "${pickedFolder?.name}/${result.folder}" on this computer and stay there: the app never removes them.`,
          memory: "These files are held in this tab's memory until the next run or until the tab is closed.",
        }[result.sink]}
      </p>
      {zipError && <p className="error" role="alert">{zipError}</p>}
      <table className="file-list">
        <thead>
          <tr><th scope="col">File</th><th scope="col">Rows</th><th scope="col">Time range (UTC)</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr>
        </thead>
        <tbody>
          {result.files.map((file, i) => (
            <tr key={file.name}>
              <td><a href={urls[i]} download={file.name}>{file.name}</a></td>
              <td className="num">{file.key && !isDeltaLog(file.name) ? count(file.rows) : ''}</td>
              <td className="range">{file.timeRange ? `${minute(file.timeRange[0])} – ${minute(file.timeRange[1])}` : ''}</td>
              <td className="num">{fileSize(file.bytes)}</td>
              <td><code title={file.sha256}>{file.sha256.slice(0, 10)}…</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      {f && (
        <p className="filings">
          Filings: CTR {count(f.ctr)} ({count(f.ctr_source_rows)} cash transactions), SAR {count(f.sar)} ({count(f.sar_source_rows)} transactions),
          W-2G {count(f.w2g)} ({count(f.w2g_jackpots)} jackpots, {count(f.w2g_payouts)} payouts)
        </p>
      )}
    </section>
  );
}
