import { describe, expect, it } from 'vitest';
import { describeIoError, withIoContext } from './io-error';

const errno = (code: string) => Object.assign(new Error(`${code}: raw, write`), { code });

describe('issue 7 file-system failures in plain words', () => {
  it('names the action and the path, and says what the code means', () => {
    expect((describeIoError(errno('ENOSPC'), 'write /out/a.parquet') as Error).message).toBe('cannot write /out/a.parquet: no space left on device (the disk is full)');
    expect((describeIoError(errno('EDQUOT'), 'write /x') as Error).message).toBe('cannot write /x: disk quota exceeded (no space left for this user)');
    expect((describeIoError(errno('EROFS'), 'write /x') as Error).message).toBe('cannot write /x: the file system is read-only');
    expect((describeIoError(errno('ENOENT'), 'write /x') as Error).message).toMatch(/^cannot write \/x: no such file or folder/);
  });

  it('leaves anything else as it is (a generator failure, a cancellation, an unknown code)', () => {
    const other = new Error('a generator worker failed while generating slots: it crashed');
    expect(describeIoError(other, 'write /x')).toBe(other);
    const unknown = errno('EWHATEVER');
    expect(describeIoError(unknown, 'write /x')).toBe(unknown);
  });

  it('withIoContext keeps the original error as the cause', async () => {
    const raw = errno('EACCES');
    const error = await withIoContext('write /x', () => Promise.reject(raw)).catch((e: Error) => e);
    expect(error.message).toBe('cannot write /x: permission denied (the folder is not writable by this user)');
    expect(error.cause).toBe(raw);
  });
});
