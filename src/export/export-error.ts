/** The export layer's error (STYLE: one named error class per layer). */

export type ExportErrorCode =
  /** A batch does not match the table schema (column count, type, length, null in a required column). */
  | 'E_BATCH_SCHEMA'
  /** A value cannot be written as declared (non-finite float, money not in exact cents, unsafe int64). */
  | 'E_BATCH_VALUE'
  /** Batches are not whole 65,536-row chunks (SPEC 3.2; Parquet bytes depend on batch sizes). */
  | 'E_CHUNKING'
  /** The Parquet writer failed or lost rows. */
  | 'E_PARQUET'
  /** The zip bundle cannot hold the output (over the 4 GiB / 65,535-entry limits of a zip without ZIP64). */
  | 'E_ZIP'
  /** Browser storage (OPFS) ran out of quota while a file was written. */
  | 'E_STORAGE_FULL';

export class ExportError extends Error {
  override readonly name = 'ExportError';

  constructor(
    readonly code: ExportErrorCode,
    message: string,
  ) {
    super(message);
  }
}
