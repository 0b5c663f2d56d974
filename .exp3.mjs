// ../../tmp/exp/exp3.ts
import * as arrow2 from "apache-arrow";

// src/export/arrow.ts
import * as arrow from "apache-arrow";

// src/export/export-error.ts
var ExportError = class extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
  code;
  name = "ExportError";
};

// src/export/validate-batch.ts
function validateBatch(schema2, batch) {
  const { columns } = schema2;
  if (batch.columns.length !== columns.length) {
    throw new ExportError(
      "E_BATCH_SCHEMA",
      `${schema2.stem}: batch has ${batch.columns.length} columns, the schema has ${columns.length}`
    );
  }
  for (let c = 0; c < columns.length; c++) validateColumn(schema2, columns[c], batch.columns[c], batch.length);
}
function validateColumn(schema2, spec, data, length) {
  const where = `${schema2.stem}.${spec.name}`;
  if (data.type !== spec.type) {
    throw new ExportError("E_BATCH_SCHEMA", `${where}: column is ${data.type}, the schema says ${spec.type}`);
  }
  const size = data.type === "string" ? data.offsets.length - 1 : data.values.length;
  if (size !== length || data.valid !== null && data.valid.length !== length) {
    throw new ExportError("E_BATCH_SCHEMA", `${where}: column has ${size} rows, the batch has ${length}`);
  }
  if (data.type === "string" && data.offsets[length] > data.bytes.length) {
    throw new ExportError("E_BATCH_SCHEMA", `${where}: string offsets run past the byte buffer`);
  }
  const valid = data.valid;
  if (!spec.nullable && valid !== null) {
    const row = valid.indexOf(0);
    if (row >= 0) throw new ExportError("E_BATCH_SCHEMA", `${where}: null in a required column (row ${row})`);
  }
  if (data.type === "int64" || data.type === "timestamp") {
    checkValues(where, data.values, valid, Number.isSafeInteger, "not a safe integer");
  } else if (data.type === "float64") {
    if (spec.money) checkValues(where, data.values, valid, isExactCents, "not an exact cents amount");
    else checkValues(where, data.values, valid, Number.isFinite, "not a finite number");
  }
}
function isExactCents(x) {
  return Number.isFinite(x) && Math.round(x * 100) / 100 === x;
}
function checkValues(where, values, valid, ok, problem) {
  for (let i = 0; i < values.length; i++) {
    if ((valid === null || valid[i] !== 0) && !ok(values[i])) {
      throw new ExportError("E_BATCH_VALUE", `${where}: row ${i} value ${values[i]} is ${problem}`);
    }
  }
}

// src/export/arrow.ts
var DESCRIPTIONS_METADATA_KEY = "column_descriptions";
function describeColumns(schema2) {
  const out = {};
  for (const c of schema2.columns) out[c.name] = c.description;
  return JSON.stringify(out);
}
function toArrowSchema(schema2) {
  const fields = schema2.columns.map(
    (c) => new arrow.Field(c.name, toArrowType(c), c.nullable, /* @__PURE__ */ new Map([["description", c.description]]))
  );
  return new arrow.Schema(fields, /* @__PURE__ */ new Map([[DESCRIPTIONS_METADATA_KEY, describeColumns(schema2)]]));
}
function toArrowType(column) {
  switch (column.type) {
    case "string":
      return new arrow.Utf8();
    case "int32":
      return new arrow.Int32();
    case "int64":
      return new arrow.Int64();
    case "float64":
      return new arrow.Float64();
    case "bool":
      return new arrow.Bool();
    case "date":
      return new arrow.DateDay();
    case "timestamp":
      return new arrow.TimestampMicrosecond("UTC");
  }
}
function toRecordBatch(schema2, batch, arrowSchema = toArrowSchema(schema2)) {
  validateBatch(schema2, batch);
  const children = batch.columns.map((column, i) => toData(arrowSchema.fields[i].type, column, batch.length));
  const struct = arrow.makeData({
    type: new arrow.Struct(arrowSchema.fields),
    length: batch.length,
    nullCount: 0,
    children
  });
  return new arrow.RecordBatch(arrowSchema, struct);
}
function toData(type, column, length) {
  const { nullBitmap, nullCount } = packValidity(column.valid, length);
  const base = { type, length, nullCount, nullBitmap };
  switch (column.type) {
    case "string":
      return arrow.makeData({ ...base, type, valueOffsets: column.offsets, data: column.bytes });
    case "int32":
    case "date":
      return arrow.makeData({ ...base, type, data: column.values });
    case "float64":
      return arrow.makeData({ ...base, type, data: column.values });
    case "int64":
    case "timestamp":
      return arrow.makeData({ ...base, type, data: toBigInt64(column.values) });
    case "bool":
      return arrow.makeData({ ...base, type, data: packBits(column.values, length) });
  }
}
function packValidity(valid, length) {
  if (valid === null) return { nullCount: 0 };
  let nulls = 0;
  for (let i = 0; i < length; i++) if (valid[i] === 0) nulls++;
  return nulls === 0 ? { nullCount: 0 } : { nullBitmap: packBits(valid, length), nullCount: nulls };
}
function packBits(bytes, length) {
  const out = new Uint8Array(length + 7 >> 3);
  const whole2 = length & ~7;
  let i = 0;
  for (; i < whole2; i += 8) {
    out[i >> 3] = (bytes[i] !== 0 ? 1 : 0) | (bytes[i + 1] !== 0 ? 2 : 0) | (bytes[i + 2] !== 0 ? 4 : 0) | (bytes[i + 3] !== 0 ? 8 : 0) | (bytes[i + 4] !== 0 ? 16 : 0) | (bytes[i + 5] !== 0 ? 32 : 0) | (bytes[i + 6] !== 0 ? 64 : 0) | (bytes[i + 7] !== 0 ? 128 : 0);
  }
  for (; i < length; i++) if (bytes[i] !== 0) out[i >> 3] |= 1 << (i & 7);
  return out;
}
var TWO_32 = 4294967296;
function toBigInt64(values) {
  const out = new BigInt64Array(values.length);
  const lo = new Uint32Array(out.buffer);
  const hi = new Int32Array(out.buffer);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const high = Math.floor(v / TWO_32);
    lo[2 * i] = v - high * TWO_32;
    hi[2 * i + 1] = high;
  }
  return out;
}

// src/generators/columns.ts
var ASCII_LIMIT = 128;
var utf8 = new TextEncoder();
var StringColumnBuilder = class {
  constructor(length, averageBytes = 16) {
    this.length = length;
    this.offsets = new Int32Array(length + 1);
    this.bytes = new Uint8Array(Math.max(64, length * averageBytes));
  }
  length;
  bytes;
  offsets;
  valid = null;
  size = 0;
  row = 0;
  push(value) {
    const n = value.length;
    this.reserve(n * 3);
    let pos = this.size;
    const out = this.bytes;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= ASCII_LIMIT) {
        pos = this.size + utf8.encodeInto(value, out.subarray(this.size)).written;
        break;
      }
      out[pos++] = c;
    }
    this.size = pos;
    this.offsets[++this.row] = pos;
  }
  /** Appends pre-encoded bytes (for values repeated across rows). */
  pushBytes(value) {
    this.reserve(value.length);
    this.bytes.set(value, this.size);
    this.size += value.length;
    this.offsets[++this.row] = this.size;
  }
  pushNull() {
    if (this.valid === null) this.valid = new Uint8Array(this.length).fill(1);
    this.valid[this.row] = 0;
    this.offsets[++this.row] = this.size;
  }
  pushNullable(value) {
    if (value === null) this.pushNull();
    else this.push(value);
  }
  finish() {
    if (this.row !== this.length) {
      throw new Error(`string column filled ${this.row} of ${this.length} rows`);
    }
    return { type: "string", offsets: this.offsets, bytes: this.bytes.subarray(0, this.size), valid: this.valid };
  }
  reserve(extra) {
    if (this.size + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.size + extra));
    grown.set(this.bytes.subarray(0, this.size));
    this.bytes = grown;
  }
};
var textDecoder = new TextDecoder();

// src/generators/tables.ts
var CHUNK_ROWS = 65536;

// src/export/fake-batches.ts
var TRICKY = ["a,b", 'say "hi"', "line\nbreak", "cr\rlf", "\xFCn\xEFc\xF8d\xE9 \u20AC", "tab	here", "\\back\\slash"];
var BASE_US = 17672256e8;
function fakeIsNull(spec, row, c) {
  return spec.nullable && (row * 7 + c * 3) % 5 === 0;
}
function fakeValue(spec, row, c, opts = {}) {
  switch (spec.type) {
    case "string":
      if (opts.distinctStrings !== void 0 && c > 0) return `${spec.name}-${row * 40503 % opts.distinctStrings}`;
      return row % 11 === 3 ? `${TRICKY[(row + c) % TRICKY.length]} ${row}` : `${spec.name}-${row}`;
    case "int32":
      return (row * 31 + c) % 1e5 - 500;
    case "int64":
      return (row % 4 === 0 ? -1 : 1) * (row * 1000003 + 2 ** 40 + c);
    case "float64":
      if (spec.money) return ((row * 7919 + c * 13) % 200001 - 1e5) / 100 || 0;
      return row % 13 === 5 ? (row + 1) * 1e-9 : (row * 0.37 + c) / 7;
    case "bool":
      return (row + c) % 3 === 0;
    case "date":
      return -3e3 + (row * 3 + c) % 4e4;
    case "timestamp":
      return BASE_US + row * 1234567 + c;
  }
}
function fakeBatch(schema2, firstRow, length, opts = {}) {
  const columns = schema2.columns.map((spec, c) => fakeColumn(spec, c, firstRow, length, opts));
  return { length, columns };
}
function* fakeChunks(schema2, rows2, opts = {}) {
  for (let first = 0; first < rows2; first += CHUNK_ROWS) {
    yield fakeBatch(schema2, first, Math.min(CHUNK_ROWS, rows2 - first), opts);
  }
}
function fakeColumn(spec, c, firstRow, length, opts) {
  const valid = spec.nullable ? new Uint8Array(length) : null;
  if (valid) for (let i = 0; i < length; i++) valid[i] = fakeIsNull(spec, firstRow + i, c) ? 0 : 1;
  if (spec.type === "string") {
    const builder = new StringColumnBuilder(length);
    for (let i = 0; i < length; i++) {
      const row = firstRow + i;
      builder.pushNullable(fakeIsNull(spec, row, c) ? null : fakeValue(spec, row, c, opts));
    }
    return builder.finish();
  }
  const values = spec.type === "int32" || spec.type === "date" ? new Int32Array(length) : spec.type === "bool" ? new Uint8Array(length) : new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const row = firstRow + i;
    if (fakeIsNull(spec, row, c)) continue;
    const v = fakeValue(spec, row, c);
    values[i] = typeof v === "boolean" ? v ? 1 : 0 : v;
  }
  return { type: spec.type, values, valid };
}

// src/generators/schema/types.ts
function col(name, type, nullability, description) {
  return { name, type, nullable: nullability === "nullable", description };
}
function money(name, nullability, description) {
  return { name, type: "float64", nullable: nullability === "nullable", money: true, description };
}
var METADATA_COLUMNS = [
  col("_ingested_at", "timestamp", "required", "Snapshot instant (the scenario as-of time) at which the row counts as ingested; the same on every row."),
  col("_source", "string", "required", "Name of the generator component that produced the row."),
  col("_batch_id", "string", "required", "Eight-hex-character id of the 65,536-row chunk the row belongs to, constant within a chunk and distinct between chunks.")
];
function defineTable(table, columns) {
  return Object.freeze({ ...table, columns: Object.freeze([...columns, ...METADATA_COLUMNS]) });
}

// src/generators/schema/compliance.ts
var COMPLIANCE_SCHEMA = defineTable(
  { key: "compliance", stem: "bronze_compliance", source: "ComplianceGenerator", timestampColumn: "filing_timestamp" },
  [
    col("filing_id", "string", "required", "Unique id of the filing (<type>-<YYYYMMDD filing date>-<sequence>)."),
    col("filing_type", "string", "required", "Kind of filing: CTR, SAR or W2G."),
    col("filing_timestamp", "timestamp", "required", "Instant the filing record was created (UTC, microseconds)."),
    col("report_type", "string", "required", "Report form, equal to filing_type."),
    col("report_id", "string", "required", "Report id, equal to filing_id."),
    col("report_timestamp", "timestamp", "required", "Report creation instant, equal to filing_timestamp."),
    col("player_id", "string", "required", "Loyalty member who is the subject of the filing or the winner."),
    col("compliance_officer_id", "string", "required", "Compliance officer responsible for the filing (employee id)."),
    col("property_code", "string", "required", "Casino property that filed (always PROP-01)."),
    col("player_name_hash", "string", "required", "Token of the player's full name."),
    col("ssn_hash", "string", "nullable", "Token of the player's SSN, equal to the player profile; null when no TIN is on file."),
    col("ssn_masked", "string", "nullable", "Masked SSN of the player, equal to the player profile; null when no TIN is on file."),
    col("date_of_birth", "date", "required", "Player's date of birth, equal to the player profile."),
    col("address_hash", "string", "required", "Token of the player's full address."),
    col("id_type", "string", "required", "Type of the player's ID document."),
    col("id_number_hash", "string", "required", "Token of the ID document number, equal to the financial id_number_hash."),
    col("transaction_date", "date", "required", "Gaming day of the reported activity (for a SAR, the suspicious-activity date)."),
    money("transaction_amount", "required", "Reported amount in dollars: the CTR cash total, the SAR total of cited transactions, or the W-2G gross win."),
    money("amount", "required", "Reported amount in dollars, equal to transaction_amount."),
    money("cash_in_amount", "nullable", "Counted cash-in total of the CTR day in dollars (0.00 if none); CTR only."),
    money("cash_out_amount", "nullable", "Counted cash-out total of the CTR day in dollars (0.00 if none); CTR only."),
    col("filing_date", "date", "required", "Date the filing was (or is scheduled to be) submitted."),
    col("due_date", "date", "required", "Regulatory deadline for the filing."),
    col("status", "string", "required", "Filing status, e.g. Draft, Pending Review, Filed, Amended or Rejected."),
    col("fincen_reference", "string", "nullable", "FinCEN acknowledgement number of a CTR or SAR with status Filed or Amended."),
    col("game_type", "string", "nullable", "Game of a W-2G win: Slots, Video Poker, Keno, Bingo, Poker Tournament or Table Games."),
    col("machine_id", "string", "nullable", "Slot machine of a Slots or Video Poker W-2G."),
    col("table_id", "string", "nullable", "Gaming table of a Table Games W-2G."),
    money("jackpot_amount", "nullable", "Gross win in dollars; W-2G only."),
    money("withholding_amount", "nullable", "Federal and state tax withheld from the win in dollars; W-2G only."),
    col("withholding_rate", "float64", "nullable", "Withholding rate applied to the win as a fraction (4 decimals); W-2G only."),
    col("sar_category", "string", "nullable", "Category of suspicious activity, e.g. Structuring or Chip Walking; SAR only."),
    col("sar_narrative", "string", "nullable", "Narrative of the suspicious activity with its dates, count and total; SAR only."),
    col("suspicious_activity_date", "date", "nullable", "Gaming day of the first cited transaction; SAR only."),
    col("irs_reference", "string", "nullable", "IRS reference of the W-2G (W2G-<year>-<sequence>)."),
    col("review_notes", "string", "nullable", "Reviewer note on filings Pending Review, Rejected or Amended."),
    col("amended_from", "string", "nullable", "FinCEN id superseded by an Amended filing."),
    col("source_ids", "string", "required", "Semicolon-separated ids of the slot events and cage transactions that triggered the filing."),
    money("wager_amount", "nullable", "Wager or tournament buy-in behind the win in dollars; W-2G only.")
  ]
);

// src/generators/schema/financial.ts
var FINANCIAL_SCHEMA = defineTable(
  { key: "financial", stem: "bronze_financial_txn", source: "FinancialGenerator", timestampColumn: "transaction_timestamp" },
  [
    col("transaction_id", "string", "required", "Unique id of the cage transaction (TXN- plus 12 uppercase hex)."),
    col("transaction_type", "string", "required", "Kind of transaction, e.g. CASH_IN, CHIP_PURCHASE, CHIP_REDEMPTION, MARKER_ISSUE, WIRE_TRANSFER_IN or JACKPOT_PAYOUT."),
    col("transaction_timestamp", "timestamp", "required", "Instant the transaction was recorded (UTC, microseconds)."),
    col("cage_location", "string", "required", "Cage window that handled the transaction."),
    col("cashier_id", "string", "required", "Cashier who processed the transaction (employee id)."),
    col("supervisor_id", "string", "nullable", "Cage supervisor who approved the transaction, for amounts of $5,000 or more, marker issues and check cashing."),
    col("player_id", "string", "required", "Loyalty member who made the transaction."),
    money("amount", "required", "Transaction amount in dollars (always positive)."),
    col("currency", "string", "required", "Currency of the amount (always USD)."),
    col("payment_method", "string", "required", "Instrument the patron gave or received: Cash, Check, Wire, Marker or Chip."),
    col("check_number", "string", "nullable", "Number of the cashed check, on CHECK_CASHING only."),
    col("wire_reference", "string", "nullable", "Reference of the wire transfer, on WIRE_TRANSFER_IN and WIRE_TRANSFER_OUT only."),
    col("marker_number", "string", "nullable", "Cage marker number, shared by its MARKER_ISSUE and MARKER_PAYMENT rows."),
    col("id_type", "string", "nullable", "Type of ID document recorded for the transaction, when identification was required."),
    col("id_number_hash", "string", "nullable", "Token of the ID document number, present with id_type."),
    col("ctr_required", "bool", "required", "Whether the row counts toward a Currency Transaction Report for the player and gaming day."),
    col("ctr_filed", "bool", "required", "Whether the CTR covering this row has been filed with FinCEN (status Filed or Amended)."),
    col("ctr_reference", "string", "nullable", "filing_id of the CTR covering this row, when ctr_required."),
    col("suspicious_activity_flag", "bool", "required", "Whether the transaction raised a suspicious-activity alert (every row cited by a SAR, plus alerts that did not become SARs)."),
    col("notes", "string", "nullable", "Cashier note: the W-2G and withholding of a jackpot payout, or the issue of a paid marker."),
    col("shift", "string", "required", "Shift of the transaction time: Day, Swing or Grave."),
    col("business_date", "date", "required", "Gaming day of the transaction (the day starts at 06:00 UTC).")
  ]
);

// src/generators/schema/players.ts
var PLAYERS_SCHEMA = defineTable(
  { key: "players", stem: "bronze_player_profile", source: "PlayerGenerator", timestampColumn: null },
  [
    col("player_id", "string", "required", "Unique id of the loyalty-club member (P plus a zero-padded sequence)."),
    col("loyalty_number", "string", "required", "Loyalty card number of the member (LC plus 9 digits), unique."),
    col("first_name", "string", "required", "First name, masked as initial plus *** unless the raw PII mode was chosen."),
    col("last_name", "string", "required", "Last name, masked as initial plus *** unless the raw PII mode was chosen."),
    col("email", "string", "required", "Email address, masked to a token at masked.com unless the raw PII mode was chosen."),
    col("phone", "string", "required", "Phone number (fictional 555-01NN range), masked to its last 4 digits unless the raw PII mode was chosen."),
    col("date_of_birth", "date", "required", "Date of birth; members are 21 to 85 years old at the start of the window."),
    col("ssn_hash", "string", "nullable", "Keyed HMAC token of the fictional SSN; null for members with no TIN on file."),
    col("ssn_masked", "string", "nullable", "SSN shown as XXX-XX- plus its last 4 digits; null with ssn_hash."),
    col("address", "string", "required", "Street address, or a token of the full address in the masked PII mode."),
    col("city", "string", "required", "Home city of the member."),
    col("state", "string", "required", "Two-letter US state (or DC) of the home address."),
    col("zip_code", "string", "required", "Five-digit ZIP code of the home address."),
    col("country", "string", "required", "Country of the home address (always USA)."),
    col("loyalty_tier", "string", "required", "Club tier: Bronze, Silver, Gold, Platinum or Diamond."),
    col("points_balance", "int64", "required", "Loyalty points currently available to redeem."),
    col("lifetime_points", "int64", "required", "Loyalty points earned since enrollment."),
    col("tier_credits", "int64", "required", "Tier credits counting toward the member's tier status."),
    col("enrollment_date", "date", "required", "Date the member joined the loyalty club."),
    col("last_visit_date", "date", "required", "Gaming day of the member's most recent visit."),
    col("total_visits", "int32", "required", "Number of visit days since enrollment."),
    money("total_theo", "required", "Lifetime theoretical (expected) casino win from the member in dollars."),
    money("total_actual_win_loss", "required", "Lifetime actual casino result from the member in dollars, positive when the casino won."),
    money("average_daily_theo", "required", "Average theoretical win per visit day in dollars (total_theo / total_visits)."),
    col("preferred_game", "string", "required", "Game the member plays most."),
    col("communication_preference", "string", "required", "Channel the member prefers to be contacted on: Email, SMS, Mail, Phone or None."),
    col("marketing_opt_in", "bool", "required", "Whether the member agreed to receive marketing."),
    col("marketing_channel", "string", "required", "Channel marketing is sent on; None when the member has not opted in."),
    col("host_assigned", "string", "nullable", "Employee id of the player host serving the member; Gold, Platinum and Diamond members only."),
    col("vip_flag", "bool", "required", "Whether the member is a VIP (Platinum or Diamond tier)."),
    col("self_excluded", "bool", "required", "Whether the member is on the self-exclusion list (such accounts are Suspended)."),
    col("account_status", "string", "required", "Status of the account: Active, Inactive, Suspended or Closed.")
  ]
);

// src/generators/schema/security.ts
var SECURITY_SCHEMA = defineTable(
  { key: "security", stem: "bronze_security_events", source: "SecurityGenerator", timestampColumn: "event_timestamp" },
  [
    col("event_id", "string", "required", "Unique id of the security event (lowercase UUID)."),
    col("event_type", "string", "required", "Kind of event, e.g. BADGE_SWIPE, ACCESS_DENIED, CAMERA_ALERT, EXCLUSION_VIOLATION, INCIDENT_REPORT or SECURITY_PATROL."),
    col("event_timestamp", "timestamp", "required", "Instant the event occurred (UTC, microseconds)."),
    col("location_id", "string", "required", "Location of the event (LOC- plus zone code and number)."),
    col("zone", "string", "required", "Security zone of the location, e.g. Main Floor, Cage, Vault or Parking Garage."),
    col("location_detail", "string", "required", "Readable name of the location, such as Cage - North."),
    col("security_level", "string", "required", "Access level of the zone: Public, Employee, Restricted or High Security."),
    col("severity_level", "string", "required", "Severity of the event type: LOW, MEDIUM, HIGH or CRITICAL."),
    col("shift", "string", "required", "Shift of the event time: Day, Swing or Grave."),
    col("employee_id", "string", "nullable", "Employee involved: the badge holder on access events, the patrolling officer, or the escorted employee."),
    col("badge_number", "string", "nullable", "Badge of the employee on access events."),
    col("visitor_id", "string", "nullable", "Guest involved in a patron-related event (VIS- plus 6 digits)."),
    col("camera_id", "string", "nullable", "Camera that raised a camera event."),
    col("access_granted", "bool", "nullable", "Whether access was granted, on access events only."),
    col("access_denied_reason", "string", "nullable", "Why access was denied, present exactly when access_granted is false."),
    col("incident_number", "string", "nullable", "Incident number (<prefix>-<YYYYMMDD>-<row number>) of events that open an incident."),
    col("incident_category", "string", "nullable", "Category of the incident, e.g. Theft, Disturbance, Medical or Self-Exclusion Violation."),
    col("incident_severity", "string", "nullable", "Severity of the incident in title case, matching severity_level."),
    col("incident_description", "string", "nullable", "Short description of what happened."),
    col("responding_officer_id", "string", "nullable", "Security officer who responded (employee id)."),
    col("resolution_status", "string", "nullable", "State of the incident: Open, Investigating, Resolved or Closed."),
    col("vehicle_license_plate", "string", "nullable", "License plate of a vehicle involved, for some parking garage and loading dock events."),
    col("alarm_type", "string", "nullable", "Alarm system that raised the event, e.g. Video Analytics, Motion Sensor or Panic Button."),
    col("patrol_route", "string", "nullable", "Route walked on SECURITY_PATROL events (Route-A to Route-E)."),
    col("player_id", "string", "nullable", "Self-excluded loyalty member detected on EXCLUSION_CHECK and EXCLUSION_VIOLATION events.")
  ]
);

// src/generators/schema/slots.ts
var SLOTS_SCHEMA = defineTable(
  { key: "slots", stem: "bronze_slot_telemetry", source: "SlotMachineGenerator", timestampColumn: "event_timestamp" },
  [
    col("event_id", "string", "required", "Unique id of the slot event (lowercase UUID)."),
    col("machine_id", "string", "required", "Slot machine that reported the event (SLOT-nnnn)."),
    col("asset_number", "string", "required", "Asset tag of the machine (AST- plus 8 digits), one per machine."),
    col("location_id", "string", "required", "Slot bank the machine stands in (LOC- plus zone code and bank number)."),
    col("zone", "string", "required", "Floor zone of the machine: North, South, East, West, VIP, High Limit or Penny."),
    col("event_type", "string", "required", "Kind of event, e.g. GAME_PLAY, JACKPOT, METER_UPDATE, BILL_IN, TICKET_OUT, TILT, DOOR_OPEN or POWER_OFF."),
    col("event_timestamp", "timestamp", "required", "Instant the event occurred (UTC, microseconds)."),
    money("denomination", "required", "Credit value of the machine in dollars."),
    col("machine_type", "string", "required", "Cabinet type: Video Slots, Mechanical Reels, Video Poker or Progressive."),
    col("manufacturer", "string", "required", "Maker of the machine."),
    col("game_theme", "string", "required", "Title of the game installed on the machine."),
    col("theoretical_hold", "float64", "required", "Designed house hold of the machine as a fraction of coin-in (4 decimals)."),
    money("coin_in", "nullable", "Dollars wagered or inserted by this event; on METER_UPDATE the lifetime coin-in meter."),
    money("coin_out", "nullable", "Dollars paid out by this event; on METER_UPDATE the lifetime coin-out meter."),
    money("jackpot_amount", "nullable", "Jackpot won in dollars, on JACKPOT events only."),
    col("games_played", "int64", "nullable", "Games played: 1 for GAME_PLAY and JACKPOT, the lifetime games meter for METER_UPDATE."),
    col("actual_hold", "float64", "nullable", "Realised lifetime hold of the machine as a fraction of coin-in, on METER_UPDATE events only (4 decimals)."),
    col("player_id", "string", "nullable", "Loyalty member whose card was inserted; null for uncarded play."),
    col("session_id", "string", "nullable", "Carded session of the player on this machine and gaming day; present exactly when player_id is."),
    col("error_code", "string", "nullable", "Machine error code (E001\u2013E007) on TILT and POWER_OFF events."),
    col("error_message", "string", "nullable", "Text of the machine error, present with error_code.")
  ]
);

// src/generators/schema/table-games.ts
var TABLE_GAMES_SCHEMA = defineTable(
  { key: "tables", stem: "bronze_table_games", source: "TableGamesGenerator", timestampColumn: "event_timestamp" },
  [
    col("event_id", "string", "required", "Unique id of the pit event (lowercase UUID)."),
    col("table_id", "string", "required", "Gaming table where the event happened (TBL-<zone code>-nnn)."),
    col("game_type", "string", "required", "Game dealt at the table: Blackjack, Craps, Roulette, Baccarat, Poker or Pai Gow."),
    col("table_number", "int32", "required", "Floor number of the table, 1 to 100."),
    col("zone", "string", "required", "Pit of the table: Main Pit, High Limit, VIP Salon, Poker Room or Asian Gaming."),
    col("event_type", "string", "required", "Kind of event, e.g. BUY_IN, CASH_OUT, MARKER_ISSUED, FILL, RATING_START, RATING_END or SHIFT_END."),
    col("event_timestamp", "timestamp", "required", "Instant the event occurred (UTC, microseconds)."),
    col("dealer_id", "string", "required", "Dealer working the table for this gaming day and shift (employee id)."),
    col("shift", "string", "required", "Shift of the event time: Day, Swing or Grave."),
    col("min_bet", "int32", "required", "Table minimum in whole dollars (Poker: minimum buy-in)."),
    col("max_bet", "int32", "required", "Table maximum in whole dollars (Poker: maximum buy-in)."),
    col("player_id", "string", "nullable", "Rated loyalty member involved in the event; null for unrated or table-only events."),
    col("player_rating_id", "string", "nullable", "Rating that links a RATING_START to its RATING_END."),
    money("amount", "nullable", "Dollar amount of the buy-in, cash-out, marker, fill or credit."),
    money("chip_denomination", "nullable", "Chip value in dollars used for the buy-in, cash-out, fill or credit."),
    col("average_bet", "float64", "nullable", "Average wager in whole dollars over the rated session, on RATING_END only."),
    col("hands_played", "int32", "nullable", "Hands or rounds played in the rated session, on RATING_END only."),
    col("hours_played", "float64", "nullable", "Length of the rated session in hours (1 decimal), on RATING_END only."),
    money("theoretical_win", "nullable", "Expected casino win in dollars for the rated session, on RATING_END only."),
    money("actual_win_loss", "nullable", "Actual result of the rated session in dollars, positive when the casino won, on RATING_END only."),
    col("marker_number", "string", "nullable", "Pit marker (credit instrument) number, shared by its MARKER_ISSUED and MARKER_PAID rows."),
    col("fill_slip_number", "string", "nullable", "Slip number of a chip FILL or CREDIT."),
    money("drop_amount", "nullable", "Dollars dropped into the table box over the shift, on SHIFT_END only.")
  ]
);

// src/generators/schema/index.ts
var SCHEMAS = Object.freeze({
  slots: SLOTS_SCHEMA,
  tables: TABLE_GAMES_SCHEMA,
  players: PLAYERS_SCHEMA,
  financial: FINANCIAL_SCHEMA,
  security: SECURITY_SCHEMA,
  compliance: COMPLIANCE_SCHEMA
});

// ../../tmp/exp/exp3.ts
import * as pw from "parquet-wasm";
var schema = SCHEMAS.slots;
var rows = 3e5;
var chunks = [...fakeChunks(schema, rows, { distinctStrings: 500 })];
var as = toArrowSchema(schema);
var rbs = chunks.map((c) => toRecordBatch(schema, c, as));
var ipcs = rbs.map((rb) => arrow2.tableToIPC(new arrow2.Table(rb), "stream"));
console.log("ipc bytes", ipcs.map((i) => i.length));
for (let k = 0; k < 3; k++) {
  for (const ipc of ipcs) {
    const t2 = performance.now();
    const tb2 = pw.Table.fromIPCStream(ipc);
    const t22 = performance.now();
    tb2.free();
    process.stdout.write(`${(t22 - t2).toFixed(0)} `);
  }
  console.log();
}
var whole = arrow2.tableToIPC(new arrow2.Table(rbs), "stream");
var t = performance.now();
var tb = pw.Table.fromIPCStream(whole);
console.log("whole fromIPC", performance.now() - t);
for (const [name, c] of [["snappy", pw.Compression.SNAPPY], ["none", pw.Compression.UNCOMPRESSED]]) {
  const tb2 = pw.Table.fromIPCStream(whole);
  t = performance.now();
  const out = pw.writeParquet(tb2, new pw.WriterPropertiesBuilder().setCompression(c).setMaxRowGroupSize(131072).build());
  console.log("writeParquet", name, performance.now() - t, out.length);
}
for (let ci = 0; ci < schema.columns.length; ci++) {
  const f = as.fields[ci];
  const s1 = new arrow2.Schema([f]);
  const t1 = new arrow2.Table(rbs.map((rb) => new arrow2.RecordBatch(s1, arrow2.makeData({ type: new arrow2.Struct([f]), length: rb.numRows, nullCount: 0, children: [rb.data.children[ci]] }))));
  const ipc = arrow2.tableToIPC(t1, "stream");
  let t2 = performance.now();
  const wt = pw.Table.fromIPCStream(ipc);
  const tf = performance.now() - t2;
  t2 = performance.now();
  pw.writeParquet(wt, new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).setMaxRowGroupSize(131072).build());
  console.log(f.name, f.type.toString(), "fromIPC", tf.toFixed(0), "write", (performance.now() - t2).toFixed(0));
}
