/** bronze_table_games columns, canonical order (SPEC 5.1). */
import { col, defineTable, money, mostlyDistinct } from './types';

export const TABLE_GAMES_SCHEMA = defineTable(
  { key: 'tables', stem: 'bronze_table_games', source: 'TableGamesGenerator', timestampColumn: 'event_timestamp' },
  [
    mostlyDistinct(col('event_id', 'string', 'required', 'Unique id of the pit event (lowercase UUID).')),
    col('table_id', 'string', 'required', 'Gaming table where the event happened (TBL-<zone code>-nnn).'),
    col('game_type', 'string', 'required', 'Game dealt at the table: Blackjack, Craps, Roulette, Baccarat, Poker or Pai Gow.'),
    col('table_number', 'int32', 'required', 'Floor number of the table, 1 to 100.'),
    col('zone', 'string', 'required', 'Pit of the table: Main Pit, High Limit, VIP Salon, Poker Room or Asian Gaming.'),
    col('event_type', 'string', 'required', 'Kind of event, e.g. BUY_IN, CASH_OUT, MARKER_ISSUED, FILL, RATING_START, RATING_END or SHIFT_END.'),
    mostlyDistinct(col('event_timestamp', 'timestamp', 'required', 'Instant the event occurred (UTC, microseconds).')),
    col('dealer_id', 'string', 'required', 'Dealer working the table for this gaming day and shift (employee id).'),
    col('shift', 'string', 'required', 'Shift of the event time: Day, Swing or Grave.'),
    col('min_bet', 'int32', 'required', 'Table minimum in whole dollars (Poker: minimum buy-in).'),
    col('max_bet', 'int32', 'required', 'Table maximum in whole dollars (Poker: maximum buy-in).'),
    col('player_id', 'string', 'nullable', 'Rated loyalty member involved in the event; null for unrated or table-only events.'),
    col('player_rating_id', 'string', 'nullable', 'Rating that links a RATING_START to its RATING_END.'),
    money('amount', 'nullable', 'Dollar amount of the buy-in, cash-out, marker, fill or credit.'),
    money('chip_denomination', 'nullable', 'Chip value in dollars used for the buy-in, cash-out, fill or credit.'),
    col('average_bet', 'float64', 'nullable', 'Average wager in whole dollars over the rated session, on RATING_END only.'),
    col('hands_played', 'int32', 'nullable', 'Hands or rounds played in the rated session, on RATING_END only.'),
    col('hours_played', 'float64', 'nullable', 'Length of the rated session in hours (1 decimal), on RATING_END only.'),
    money('theoretical_win', 'nullable', 'Expected casino win in dollars for the rated session, on RATING_END only.'),
    money('actual_win_loss', 'nullable', 'Actual result of the rated session in dollars, positive when the casino won, on RATING_END only.'),
    col('marker_number', 'string', 'nullable', 'Pit marker (credit instrument) number, shared by its MARKER_ISSUED and MARKER_PAID rows.'),
    col('fill_slip_number', 'string', 'nullable', 'Slip number of a chip FILL or CREDIT.'),
    money('drop_amount', 'nullable', 'Dollars dropped into the table box over the shift, on SHIFT_END only.'),
  ],
);
