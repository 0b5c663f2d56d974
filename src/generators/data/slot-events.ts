/** Slot event types (SPEC 4.2), in the order of their weights. */
export const SLOT_EVENT_TYPES = [
  'GAME_PLAY', 'JACKPOT', 'METER_UPDATE', 'DOOR_OPEN', 'DOOR_CLOSE', 'BILL_IN', 'TICKET_OUT', 'TILT', 'POWER_OFF',
  'POWER_ON',
] as const;
export const enum SlotEvent {
  GamePlay, Jackpot, MeterUpdate, DoorOpen, DoorClose, BillIn, TicketOut, Tilt, PowerOff, PowerOn,
}
