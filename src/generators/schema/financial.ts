/** bronze_financial_txn columns, canonical order (SPEC 7.1). */
import { col, defineTable, money, mostlyDistinct } from './types';

export const FINANCIAL_SCHEMA = defineTable(
  { key: 'financial', stem: 'bronze_financial_txn', source: 'FinancialGenerator', timestampColumn: 'transaction_timestamp' },
  [
    mostlyDistinct(col('transaction_id', 'string', 'required', 'Unique id of the cage transaction (TXN- plus 12 uppercase hex).')),
    col('transaction_type', 'string', 'required', 'Kind of transaction, e.g. CASH_IN, CHIP_PURCHASE, CHIP_REDEMPTION, MARKER_ISSUE, WIRE_TRANSFER_IN or JACKPOT_PAYOUT.'),
    mostlyDistinct(col('transaction_timestamp', 'timestamp', 'required', 'Instant the transaction was recorded (UTC, microseconds).')),
    col('cage_location', 'string', 'required', 'Cage window that handled the transaction.'),
    col('cashier_id', 'string', 'required', 'Cashier who processed the transaction (employee id).'),
    col('supervisor_id', 'string', 'nullable', 'Cage supervisor who approved the transaction, for amounts of $5,000 or more, marker issues and check cashing.'),
    col('player_id', 'string', 'required', 'Loyalty member who made the transaction.'),
    money('amount', 'required', 'Transaction amount in dollars (always positive).'),
    col('currency', 'string', 'required', 'Currency of the amount (always USD).'),
    col('payment_method', 'string', 'required', 'Instrument the patron gave or received: Cash, Check, Wire, Marker or Chip.'),
    col('check_number', 'string', 'nullable', 'Number of the cashed check, on CHECK_CASHING only.'),
    col('wire_reference', 'string', 'nullable', 'Reference of the wire transfer, on WIRE_TRANSFER_IN and WIRE_TRANSFER_OUT only.'),
    col('marker_number', 'string', 'nullable', 'Cage marker number, shared by its MARKER_ISSUE and MARKER_PAYMENT rows.'),
    col('id_type', 'string', 'nullable', 'Type of ID document recorded for the transaction, when identification was required.'),
    col('id_number_hash', 'string', 'nullable', 'Token of the ID document number, present with id_type.'),
    col('ctr_required', 'bool', 'required', 'Whether the row counts toward a Currency Transaction Report for the player and gaming day.'),
    col('ctr_filed', 'bool', 'required', 'Whether the CTR covering this row has been filed with FinCEN (status Filed or Amended).'),
    col('ctr_reference', 'string', 'nullable', 'filing_id of the CTR covering this row, when ctr_required.'),
    col('suspicious_activity_flag', 'bool', 'required', 'Whether the transaction raised a suspicious-activity alert (every row cited by a SAR, plus alerts that did not become SARs).'),
    col('notes', 'string', 'nullable', 'Cashier note: the W-2G and withholding of a jackpot payout, or the issue of a paid marker.'),
    col('shift', 'string', 'required', 'Shift of the transaction time: Day, Swing or Grave.'),
    col('business_date', 'date', 'required', 'Gaming day of the transaction (the day starts at 06:00 UTC).'),
  ],
);
