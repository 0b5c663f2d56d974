/**
 * File-system failures in plain words (issue 7, SPEC 14 exit 1): the one place that turns an error code such as
 * ENOSPC into what the user reads after `Error during generation: `, with the path it concerns, e.g.
 * `cannot write /data/out/bronze_slot_telemetry.parquet: no space left on device (the disk is full)`.
 */

/** What each code means for someone writing files; codes not listed keep Node's own message. */
const PLAIN: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on device (the disk is full)',
  EDQUOT: 'disk quota exceeded (no space left for this user)',
  EACCES: 'permission denied (the folder is not writable by this user)',
  EPERM: 'operation not permitted (the folder is not writable by this user)',
  EROFS: 'the file system is read-only',
  ENOENT: 'no such file or folder (it was removed while the run was writing?)',
  ENOTDIR: 'part of the path is a file, not a folder',
  EISDIR: 'a folder has that name',
  EIO: 'input/output error on the device',
  EMFILE: 'too many open files',
  EFBIG: 'the file is too large for this file system',
};

/** `error` from `action` (e.g. `write <path>`) as a clear Error; anything other than a file-system error is returned unchanged. */
export function describeIoError(error: unknown, action: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !(code in PLAIN)) return error;
  return new Error(`cannot ${action}: ${PLAIN[code]}`, { cause: error });
}

/** Runs `step`, rethrowing a file-system failure described for `action`. */
export async function withIoContext<T>(action: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw describeIoError(error, action);
  }
}
