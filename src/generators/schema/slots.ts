/** bronze_slot_telemetry columns, canonical order (SPEC 4.1). */
import { col, defineTable, money, mostlyDistinct } from './types';

export const SLOTS_SCHEMA = defineTable(
  { key: 'slots', stem: 'bronze_slot_telemetry', source: 'SlotMachineGenerator', timestampColumn: 'event_timestamp' },
  [
    mostlyDistinct(col('event_id', 'string', 'required', 'Unique id of the slot event (lowercase UUID).')),
    col('machine_id', 'string', 'required', 'Slot machine that reported the event (SLOT-nnnn).'),
    col('asset_number', 'string', 'required', 'Asset tag of the machine (AST- plus 8 digits), one per machine.'),
    col('location_id', 'string', 'required', 'Slot bank the machine stands in (LOC- plus zone code and bank number).'),
    col('zone', 'string', 'required', 'Floor zone of the machine: North, South, East, West, VIP, High Limit or Penny.'),
    col('event_type', 'string', 'required', 'Kind of event, e.g. GAME_PLAY, JACKPOT, METER_UPDATE, BILL_IN, TICKET_OUT, TILT, DOOR_OPEN or POWER_OFF.'),
    mostlyDistinct(col('event_timestamp', 'timestamp', 'required', 'Instant the event occurred (UTC, microseconds).')),
    money('denomination', 'required', 'Credit value of the machine in dollars.'),
    col('machine_type', 'string', 'required', 'Cabinet type: Video Slots, Mechanical Reels, Video Poker or Progressive.'),
    col('manufacturer', 'string', 'required', 'Maker of the machine.'),
    col('game_theme', 'string', 'required', 'Title of the game installed on the machine.'),
    col('theoretical_hold', 'float64', 'required', 'Designed house hold of the machine as a fraction of coin-in (4 decimals).'),
    money('coin_in', 'nullable', 'Dollars wagered or inserted by this event; on METER_UPDATE the lifetime coin-in meter.'),
    money('coin_out', 'nullable', 'Dollars paid out by this event; on METER_UPDATE the lifetime coin-out meter.'),
    money('jackpot_amount', 'nullable', 'Jackpot won in dollars, on JACKPOT events only.'),
    col('games_played', 'int64', 'nullable', 'Games played: 1 for GAME_PLAY and JACKPOT, the lifetime games meter for METER_UPDATE.'),
    col('actual_hold', 'float64', 'nullable', 'Realised lifetime hold of the machine as a fraction of coin-in, on METER_UPDATE events only (4 decimals).'),
    col('player_id', 'string', 'nullable', 'Loyalty member whose card was inserted; null for uncarded play.'),
    col('session_id', 'string', 'nullable', "Carded session of the player on this machine and gaming day; present exactly when player_id is."),
    col('error_code', 'string', 'nullable', 'Machine error code (E001–E007) on TILT and POWER_OFF events.'),
    col('error_message', 'string', 'nullable', 'Text of the machine error, present with error_code.'),
  ],
);
