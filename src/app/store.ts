/** App state (zustand): the scenario form, its validation, where the files go, and the run with its progress and files. */
import { create } from 'zustand';
import { resolveScenario, type ScenarioResult } from '../generators/scenario/validate';
import type { TableKey } from '../generators/tables';
import type { RunFile, RunProgress, RunResult, SchemaField, TablePreview } from '../workers/run-api';
import { RunCancelled, RunClient, VolumeChecker } from '../workers/run-client';
import { parseScenarioQuery, serializeScenarioQuery } from '../generators/scenario/serialize';
import type { Scenario } from '../generators/scenario/types';
import type { Partitioning } from '../export/partition';
import { estimateOutputBytes } from '../export/size-estimate';
import { opfsAvailable, pickFolder, removeLeftoverRuns, storageFigures } from '../workers/run-storage';
import { approxSize } from './format';
import { planStorage, type StorageChoice, type StoragePlan } from './storage-plan';
import { formFromScenario, initialForm, todayMidnight, toScenarioInput, withPreset, type FormPreset, type ScenarioForm } from './scenario-form';

export interface TableProgress extends RunProgress {
  /** performance.now() when the table started. */
  readonly startedAt: number;
  readonly updatedAt: number;
}

export type RunStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface AppState {
  form: ScenarioForm;
  /** Why the link the page was opened with could not be used (tampered, another version). */
  linkErrors: string[];
  /** The UTC midnight of today, read once at load (SPEC 2.2). */
  today: number;
  validation: ScenarioResult;
  /** E_VOLUME (SPEC 15): the volumes cannot back the plan; checked in a worker after each change. */
  volumeError: string | null;
  /** The check of the form as it stands is still to come: Generate waits for it (and then starts from its world). */
  checkingVolumes: boolean;
  status: RunStatus;
  message: string | null;
  progress: Partial<Record<TableKey, TableProgress>>;
  startedAt: number;
  finishedAt: number;
  result: RunResult | null;
  /** Web Workers per run: 1 generates and writes in one worker; more add generator workers (never changes bytes). */
  workers: number;
  setWorkers(n: number): void;
  /** `day`: Hive-style daily folders, as CLI `--partition-by day` (kept in the link as `partition_by`). */
  partitioning: Partitioning;
  setPartitioning(p: Partitioning): void;
  /** Where files are kept: automatic by estimated size, this tab's memory, browser storage (OPFS), or a picked folder. */
  storageChoice: StorageChoice;
  setStorageChoice(choice: StorageChoice): void;
  /** The folder picked for choice `folder` (File System Access API), or null. */
  pickedFolder: FileSystemDirectoryHandle | null;
  /** Shows the browser's folder picker; where it rejects (dismissed, headless) the choice stays as it was. */
  chooseFolder(): Promise<void>;
  /** The sink of the scenario as it stands, why, and whether the quota refuses it (null: invalid scenario). */
  storagePlan: StoragePlan | null;
  /** Files an earlier session left in browser storage, removed at the app's start. */
  storageNote: string | null;
  /** Bytes freed when the last run's files were removed from browser storage ("Clear stored files"), else null. */
  filesCleared: number | null;
  clearStoredFiles(): Promise<void>;
  setForm(patch: Partial<ScenarioForm>): void;
  choosePreset(preset: FormPreset): void;
  generate(): Promise<void>;
  cancel(): void;
  downloadZip(): Promise<{ name: string; data: Blob }>;
  /** The run's data dictionary files, Markdown then CSV (as CLI `--dictionary`). */
  loadDictionary(): Promise<{ name: string; data: Blob }[]>;
  loadPreview(key: TableKey): Promise<TablePreview>;
  loadSchema(key: TableKey): Promise<SchemaField[]>;
}

const client = new RunClient();
const checker = new VolumeChecker();
const CHECK_DELAY_MS = 250;
let checkTimer: ReturnType<typeof setTimeout> | undefined;
let checkSeq = 0;
/** Measured with `npm run bench:browser` on a 2-core machine (README): see the figures there. */
export const DEFAULT_WORKERS = 2;
const validate = (form: ScenarioForm, today: number) => resolveScenario(toScenarioInput(form, today));
let planSeq = 0;
/** Set while Generate checks the storage plan, so a double click starts one run. */
let starting = false;

/** The scenario of a shared link (`?spec_version=1&seed=…`), or the errors that make it unusable. */
function linkedForm(search: string): { form: ScenarioForm | null; errors: string[]; partitioning: Partitioning } {
  // `partition_by` is an output option, not a scenario field: it rides along in the link.
  const params = search.replace(/^\?/, '').split('&').filter((p) => p !== '');
  const partitioning: Partitioning = params.includes(`${PARTITION_PARAM}=day`) ? 'day' : 'none';
  const query = params.filter((p) => !p.startsWith(`${PARTITION_PARAM}=`)).join('&');
  if (query === '') return { form: null, errors: [], partitioning };
  const parsed = parseScenarioQuery(query);
  if (!parsed.ok) return { form: null, errors: parsed.errors.map((e) => e.message), partitioning };
  return { form: formFromScenario(parsed.scenario), errors: [], partitioning };
}

const PARTITION_PARAM = 'partition_by';

/** The address of this scenario: the page with its canonical query (SPEC 2.1). */
export function shareUrl(scenario: Scenario, location: Pick<Location, 'origin' | 'pathname'>, partitioning: Partitioning = 'none'): string {
  const extra = partitioning === 'day' ? `&${PARTITION_PARAM}=day` : '';
  return `${location.origin}${location.pathname}?${serializeScenarioQuery(scenario)}${extra}`;
}

export const useApp = create<AppState>((set, get) => {
  const today = todayMidnight();
  const link = typeof location === 'undefined' ? { form: null, errors: [], partitioning: 'none' as const } : linkedForm(location.search);
  const form = link.form ?? initialForm();
  /** Validates a form and schedules its feasibility check (the newest check wins). */
  const validated = (next: ScenarioForm) => {
    const validation = validate(next, get()?.today ?? today);
    clearTimeout(checkTimer);
    const seq = ++checkSeq;
    const checking = validation.ok && typeof Worker !== 'undefined';
    if (checking) {
      checkTimer = setTimeout(() => {
        checker.check(validation.scenario).then(
          (volumeError) => seq === checkSeq && set({ volumeError, checkingVolumes: false }),
          () => seq === checkSeq && set({ checkingVolumes: false }),
        );
      }, CHECK_DELAY_MS);
    }
    return { form: next, validation, volumeError: null, checkingVolumes: checking };
  };
  queueMicrotask(() => set(validated(form)));
  return {
    form,
    linkErrors: link.errors,
    today,
    validation: validate(form, today),
    volumeError: null,
    checkingVolumes: false,
    status: 'idle',
    message: null,
    progress: {},
    startedAt: 0,
    finishedAt: 0,
    result: null,
    workers: DEFAULT_WORKERS,
    setWorkers: (workers) => set({ workers }),
    partitioning: link.partitioning,
    setPartitioning: (partitioning) => set({ partitioning }),
    storageChoice: 'auto',
    setStorageChoice: (storageChoice) => set({ storageChoice, storageNote: null }),
    pickedFolder: null,
    async chooseFolder() {
      try {
        set({ pickedFolder: await pickFolder(), storageChoice: 'folder', storageNote: null });
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        set({ storageNote: `No folder was chosen (${reason}), so files are kept as before.` });
      }
    },
    storagePlan: null,
    storageNote: null,
    filesCleared: null,
    async clearStoredFiles() {
      set({ filesCleared: await client.clearStored() });
    },
    setForm(patch) {
      // Editing a volume makes the scenario custom; other fields keep the chosen preset.
      const touchesVolumes = 'counts' in patch || 'include' in patch;
      const next = { ...get().form, ...patch, ...(touchesVolumes ? { preset: 'custom' as const } : {}) };
      set({ ...validated(next), linkErrors: [] });
    },
    choosePreset(preset) {
      set({ ...validated(withPreset(get().form, preset)), linkErrors: [] });
    },
    async generate() {
      const { validation, volumeError, checkingVolumes } = get();
      if (!validation.ok || volumeError || checkingVolumes || get().status === 'running' || starting) return;
      // The quota is read again at the click: it may have changed since the plan was drawn.
      starting = true;
      const plan = await currentPlan().finally(() => (starting = false));
      set({ storagePlan: plan });
      if (!plan || plan.blocked) return;
      const startedAt = performance.now();
      set({ status: 'running', message: null, progress: {}, result: null, startedAt, finishedAt: 0, filesCleared: null, storageNote: null });
      try {
        // The world the volume check drew for this form, so that the run does not draw it again.
        const world = await checker.takeWorld(validation.scenario).catch(() => null);
        const result = await client.start(validation.scenario, (p) => {
          const now = performance.now();
          set((s) => {
            const before = s.progress[p.table];
            // Progress arrives on its own channel: never move a table backwards.
            if (s.status !== 'running' || (before && before.rowsDone > p.rowsDone)) return {};
            return { progress: { ...s.progress, [p.table]: { ...p, startedAt: before?.startedAt ?? now, updatedAt: now } } };
          });
        }, get().workers - 1, get().partitioning, undefined, plan.sink === 'folder' ? get().pickedFolder! : plan.sink, world);
        set({ status: 'done', result, finishedAt: performance.now() });
      } catch (error) {
        const kept = { memory: 'nothing was kept.', opfs: 'nothing was kept (its files were removed from browser storage).', folder: 'nothing was kept (its folder was removed).' }[plan.sink];
        if (error instanceof RunCancelled) set({ status: 'cancelled', message: `Generation cancelled: ${kept}`, finishedAt: performance.now() });
        else set({ status: 'failed', message: sentence(error instanceof Error ? error.message : String(error)), finishedAt: performance.now() });
      }
    },
    cancel() {
      if (get().status === 'running') void client.cancel();
    },
    downloadZip: () => client.zip(),
    loadDictionary: () => client.dictionary(),
    loadPreview: (key) => client.preview(key),
    loadSchema: (key) => client.schema(key),
  };
});

/** The storage plan of the scenario as it stands, with the browser's quota read now. */
async function currentPlan(): Promise<StoragePlan | null> {
  const { validation, partitioning, storageChoice, pickedFolder } = useApp.getState();
  if (!validation.ok) return null;
  const figures = await storageFigures().catch(() => null);
  const space = figures && { ...figures, reclaimable: await client.storedBytes() };
  const estimate = estimateOutputBytes(validation.scenario, partitioning);
  return planStorage({ estimate, choice: storageChoice, opfs: opfsAvailable(), space, folder: pickedFolder?.name ?? null });
}

/** Redraws the storage plan (the newest wins). */
function refreshPlan(): void {
  const seq = ++planSeq;
  currentPlan().then((storagePlan) => seq === planSeq && useApp.setState({ storagePlan }), () => undefined);
}

if (typeof window !== 'undefined') {
  useApp.subscribe((s, before) => {
    // Not during a run: its own files are growing, and Generate reads the plan afresh anyway.
    if (s.status !== 'running' && (s.validation !== before.validation || s.partitioning !== before.partitioning || s.storageChoice !== before.storageChoice || s.pickedFolder !== before.pickedFolder || s.status !== before.status || s.filesCleared !== before.filesCleared)) refreshPlan();
  });
  refreshPlan();
  // Files an earlier session left in browser storage (closed mid-run, crashed) are removed at start.
  removeLeftoverRuns().then(
    (freed) => freed > 0 && useApp.setState({ storageNote: `Removed ${approxSize(freed)} of files an earlier session left in browser storage.` }),
    () => undefined,
  );
}

export type { RunFile };

/** A failure as the page shows it: some messages are written lowercase for the CLI's `Error during generation: …`. */
function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
