/**
 * An in-memory stand-in for the origin-private file system, for Node tests of the OPFS target: directory and file
 * handles, sync access handles (one at a time per file; an open one blocks removal, as in Chromium), writable
 * streams (their bytes replace the file on close, as Chromium's swap files do), and a quota
 * that makes a write fail as Chromium does (`QuotaExceededError`), or store fewer bytes ("short", as Chromium's
 * in-memory OPFS of incognito profiles reports it). Test-only: never imported by production code.
 */

interface Storage {
  quota: number;
  used: number;
  onFull: 'throw' | 'short';
}

const fail = (message: string, name: string) => new DOMException(message, name);

class FakeFile {
  readonly kind = 'file';
  bytes = new Uint8Array(0);
  size = 0;
  locked = false;

  constructor(
    readonly name: string,
    private readonly storage: Storage,
  ) {}

  async getFile(): Promise<File> {
    return new File([this.bytes.slice(0, this.size)], this.name);
  }

  async createSyncAccessHandle() {
    if (this.locked) throw fail('the file is open in another access handle', 'NoModificationAllowedError');
    this.locked = true;
    const write = (data: Uint8Array, options: { at: number }) => {
      const end = options.at + data.length;
      const grow = Math.max(0, end - this.size);
      if (this.storage.used + grow > this.storage.quota) {
        if (this.storage.onFull === 'throw') throw fail('No space available for this operation', 'QuotaExceededError');
        return 0;
      }
      if (end > this.bytes.length) {
        const next = new Uint8Array(Math.max(end, this.bytes.length * 2));
        next.set(this.bytes.subarray(0, this.size));
        this.bytes = next;
      }
      this.bytes.set(data, options.at);
      this.storage.used += grow;
      this.size = Math.max(this.size, end);
      return data.length;
    };
    return { write, flush: () => undefined, close: () => void (this.locked = false), getSize: () => this.size };
  }

  async createWritable() {
    if (this.locked) throw fail('the file is open in another access handle', 'NoModificationAllowedError');
    this.locked = true;
    const parts: Uint8Array[] = [];
    let pending = 0;
    const release = () => {
      this.storage.used -= pending;
      this.locked = false;
    };
    return {
      write: async (data: Uint8Array) => {
        if (this.storage.used + data.length > this.storage.quota) throw fail('No space available for this operation', 'QuotaExceededError');
        parts.push(data.slice());
        pending += data.length;
        this.storage.used += data.length;
      },
      close: async () => {
        release();
        this.storage.used += pending - this.size;
        this.bytes = new Uint8Array(Buffer.concat(parts));
        this.size = pending;
      },
      abort: async () => release(),
    };
  }
}

class FakeDirectory {
  readonly kind = 'directory';
  readonly entries = new Map<string, FakeDirectory | FakeFile>();

  constructor(
    readonly name: string,
    private readonly storage: Storage,
  ) {}

  async getDirectoryHandle(name: string, options: { create?: boolean } = {}): Promise<FakeDirectory> {
    const entry = this.entries.get(name) ?? (options.create ? new FakeDirectory(name, this.storage) : null);
    if (!entry) throw fail(`${name} not found`, 'NotFoundError');
    if (!(entry instanceof FakeDirectory)) throw fail(`${name} is a file`, 'TypeMismatchError');
    this.entries.set(name, entry);
    return entry;
  }

  async getFileHandle(name: string, options: { create?: boolean } = {}): Promise<FakeFile> {
    const entry = this.entries.get(name) ?? (options.create ? new FakeFile(name, this.storage) : null);
    if (!entry) throw fail(`${name} not found`, 'NotFoundError');
    if (!(entry instanceof FakeFile)) throw fail(`${name} is a folder`, 'TypeMismatchError');
    this.entries.set(name, entry);
    return entry;
  }

  async removeEntry(name: string, options: { recursive?: boolean } = {}): Promise<void> {
    const entry = this.entries.get(name);
    if (!entry) throw fail(`${name} not found`, 'NotFoundError');
    if (entry instanceof FakeDirectory && entry.entries.size > 0 && !options.recursive) throw fail(`${name} is not empty`, 'InvalidModificationError');
    if (isLocked(entry)) throw fail(`${name} is in use`, 'NoModificationAllowedError');
    this.storage.used -= bytesIn(entry);
    this.entries.delete(name);
  }

  async *values(): AsyncGenerator<FakeDirectory | FakeFile> {
    yield* [...this.entries.values()];
  }
}

const isLocked = (entry: FakeDirectory | FakeFile): boolean =>
  entry instanceof FakeFile ? entry.locked : [...entry.entries.values()].some(isLocked);

const bytesIn = (entry: FakeDirectory | FakeFile): number =>
  entry instanceof FakeFile ? entry.size : [...entry.entries.values()].reduce((n, e) => n + bytesIn(e), 0);

/** A fresh OPFS root; `storage.used` counts the bytes stored, `quota` (default: unlimited) caps them. */
export function fakeOpfs(quota = Number.POSITIVE_INFINITY, onFull: Storage['onFull'] = 'throw'): { root: FileSystemDirectoryHandle; storage: Storage } {
  const storage: Storage = { quota, used: 0, onFull };
  return { root: new FakeDirectory('', storage) as unknown as FileSystemDirectoryHandle, storage };
}
